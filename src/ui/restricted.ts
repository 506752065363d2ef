/**
 * Pages where no extension may run a content script: the browser's own
 * pages, the extension stores, the PDF viewer, view-source. On those the
 * popup says so instead of offering switches that would do nothing.
 */
const RESTRICTED_HOSTS = new Set(['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com']);

export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return false; // Unknown: decide from whether Lectern reported from the page.
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'file:') return true;
  if (RESTRICTED_HOSTS.has(parsed.hostname)) {
    // The old Chrome Web Store lived under a path of chrome.google.com.
    return parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore');
  }
  return /\.pdf$/i.test(parsed.pathname);
}
