// Chrome's service worker: the same classic scripts Firefox loads as an event page.
importScripts('/wasm/listing_guard_wasm.js', '/background/settings.js', '/background/engine.js', '/background/background.js');
