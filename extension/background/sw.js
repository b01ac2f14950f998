// Chrome's service worker: the same classic scripts Firefox loads as an event page.
// The engine comes right after the wasm glue: it starts the wasm compiling (off this
// thread) while the other scripts are evaluated.
importScripts('/background/wake.js', '/wasm/listing_guard_wasm.js', '/background/engine.js', '/background/settings-schema.js',
  '/background/settings-store.js', '/background/settings.js', '/background/listings.js', '/background/records.js', '/background/confirm.js', '/background/tabs.js',
  '/background/log.js', '/background/background.js');
