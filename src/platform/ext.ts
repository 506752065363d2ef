/**
 * The extension APIs for the scripts that run inside web pages (the
 * always-on content script and the reader's extraction), without
 * webextension-polyfill. Those scripts run on every page, and the polyfill
 * costs there: its code, and wrapping every API namespace on first use,
 * were a good part of the content script's start-up time.
 *
 * Firefox has the promise-based `browser`; Chrome's MV3 `chrome` returns
 * promises for every call these scripts make (runtime.sendMessage, the
 * storage areas). One difference remains, and these scripts avoid it:
 * Chrome ignores a promise returned from an onMessage listener, so they
 * answer through sendResponse. The extension's own pages and background
 * keep the polyfill, where that difference matters and start-up does not.
 */
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as { browser?: Browser; chrome?: Browser };

export const ext: Browser = (scope.browser ?? scope.chrome) as Browser;
