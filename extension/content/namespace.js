// The one namespace the content scripts share (content scripts run in an isolated
// world, so nothing here is visible to the page).
'use strict';
globalThis.ListingGuard = globalThis.ListingGuard || {};
ListingGuard.api = globalThis.browser ?? globalThis.chrome;
/** A UI string in the browser's language (from _locales), or its key when missing. */
ListingGuard.t = (key, subs) => ListingGuard.api.i18n.getMessage(key, subs) || key;
