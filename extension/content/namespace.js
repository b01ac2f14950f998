// The one namespace the content scripts share (content scripts run in an isolated
// world, so nothing here is visible to the page).
'use strict';
globalThis.ListingGuard = globalThis.ListingGuard || {};
ListingGuard.api = globalThis.browser ?? globalThis.chrome;
