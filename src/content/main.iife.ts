/**
 * The always-on content script. It must never throw into the page nor slow
 * it: every entry point is guarded, and documents that are not HTML pages
 * (XML, SVG, framesets, about:blank, no body) are left alone.
 */
import { isMessage, message } from '../core/messages';
import type { Runtime } from 'webextension-polyfill';
import { ext } from '../platform/ext';
import { startArticleAccess } from './article-access';
import { startCaptionsFeature } from './captions-feature';
import { captionPrefsFor, followSitePrefs, wantsSkipLink } from './site-prefs';

function isArticleCandidatePage(doc: Document): boolean {
  return (
    doc.contentType === 'text/html' &&
    doc.documentElement?.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
    doc.body?.tagName === 'BODY'
  );
}

function reportState(articleFound: boolean): void {
  // A user-timing mark, like the measures below, lets the benchmark see the verdict.
  performance.mark(articleFound ? 'lectern:article-found' : 'lectern:no-article');
  ext.runtime
    .sendMessage(message('page-state', { articleFound }))
    .catch(() => undefined); // The background may be asleep or reloading; the next report catches up.
}

function measure(name: string, start: number, end: number): void {
  // User-timing entries let the benchmark read our own cost on each page.
  performance.measure(name, { start, end });
}

function main(): void {
  if (window.top !== window || !isArticleCandidatePage(document)) return;
  const captions = startCaptionsFeature({ captions: true, showAltText: true, captionSize: 100 }, (start, end, counts) => {
    // The counts ride on the measure so the benchmark can read them.
    performance.measure('lectern:captions', { start, end, detail: counts });
  });
  const access = startArticleAccess(window, {
    skipLink: true,
    label: ext.i18n.getMessage('skipToArticle') || 'Skip to article',
    onDetected: (article) => {
      reportState(article !== null);
      captions.follow(article);
    },
    onTiming: measure,
  });
  // The skip link follows the preference and this site's switches, live:
  // a change in the popup reaches this tab with no reload. Turning Lectern
  // off here removes the link through update(), not stop(), so it can be
  // turned back on without a reload too.
  followSitePrefs(location.hostname, (site) => {
    access.update({ skipLink: wantsSkipLink(site) });
    captions.update(captionPrefsFor(site));
  });
  // Answered through sendResponse, at once: Chrome ignores a promise returned from this listener
  // (see platform/ext.ts). The typings know only the callback form that answers later and returns true.
  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (response: unknown) => void): false => {
    if (isMessage(raw) && raw.lectern === 'jump-to-article') sendResponse({ jumped: access.jump() });
    return false;
  };
  ext.runtime.onMessage.addListener(onMessage as unknown as Runtime.OnMessageListenerCallback);
}

try {
  main();
} catch (error) {
  // Lectern must never break a page; a failure here only costs the page Lectern.
  console.debug('Lectern: not active on this page', error);
}
