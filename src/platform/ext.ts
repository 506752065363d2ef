/**
 * The extension APIs, without webextension-polyfill, for the code whose
 * start-up is waited for: the scripts that run inside web pages (the
 * always-on content script, on every page, and the reader's extraction) and
 * the reader page, which loads while its reader opens. The polyfill costs
 * there: its code, and wrapping every API namespace on first use, were a
 * good part of the content script's start-up time.
 *
 * Firefox has the promise-based `browser`; Chrome's MV3 `chrome` returns
 * promises for every call these scripts make (runtime.sendMessage, the
 * storage areas). One difference remains, and these scripts avoid it:
 * Chrome ignores a promise returned from an onMessage listener, so they
 * answer through sendResponse. The background, the popup and
 * the options page keep the polyfill, where that difference matters and
 * start-up does not.
 */
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as { browser?: Browser; chrome?: Browser };

export const ext: Browser = (scope.browser ?? scope.chrome) as Browser;
