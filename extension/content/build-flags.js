// Replaced by the test build (./build.sh test) with {test: true}.
'use strict';
ListingGuard.flags = { test: false };
