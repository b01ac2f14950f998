// Chrome's service worker: the same classic scripts Firefox loads as an event page.
importScripts('/background/wake.js', '/wasm/listing_guard_wasm.js', '/background/settings-schema.js', '/background/settings-store.js',
  '/background/settings.js', '/background/engine.js', '/background/listings.js', '/background/confirm.js', '/background/tabs.js',
  '/background/log.js', '/background/background.js');
