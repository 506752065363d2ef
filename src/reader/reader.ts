/**
 * The reader page. It runs as an extension page in a full-window iframe
 * over the article's tab (see src/content/reader/overlay.ts), so the page's
 * CSS, scripts, key handlers and CSP cannot reach it. It asks the
 * background for its tab's article with the token in its URL's hash,
 * renders it, and applies the shared preferences live.
 */
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@fontsource/atkinson-hyperlegible/400-italic.css';
import '@fontsource/opendyslexic/400.css';
import '@fontsource/opendyslexic/700.css';
import { message, READER_HIDDEN_PARAM, type ReaderArticle } from '../core/messages';
import { ext } from '../platform/ext';
import { followStorageChanges, openPrefsStore } from '../platform/prefs-store';
import { applyLocale } from '../ui/i18n';
import { t } from './i18n';
import { renderArticle, renderNoArticle } from './render';
import { dropAltCaptionOfBrokenPicture, heardOnce } from './tidy';
import { applyPrefs, createToolbar } from './toolbar';

const root = document.documentElement;
const framed = window.top !== window;

/**
 * Resolves once this page can be seen. A reader put up hidden, ahead of
 * the popup's button (src/content/reader/overlay.ts), loads and renders
 * while hidden and takes focus only when shown: the page's own
 * intersection with the window tells, with no message the site could send.
 */
function whenShown(): Promise<void> {
  if (!new URLSearchParams(location.search).has(READER_HIDDEN_PARAM)) return Promise.resolve();
  return new Promise((shown) => {
    const watch = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      watch.disconnect();
      shown();
    });
    watch.observe(root);
  });
}

/**
 * Closes the reader: the background closes this tab's reader, so the page
 * side removes the frame. Not postMessage to the parent:
 * the runtime channel is one the page can neither see nor forge. Opened on
 * its own (tests), the page just stays.
 */
function closeReader(): void {
  if (framed) ext.runtime.sendMessage(message('reader-close', {})).catch(() => undefined);
}

async function loadArticle(): Promise<ReaderArticle | null> {
  const token = location.hash.slice(1);
  // ?tab= is for opening the page on its own (tests, debugging); in a frame the tab is the sender's.
  const tabParam = framed ? null : new URLSearchParams(location.search).get('tab');
  const tabId = tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;
  try {
    return ((await ext.runtime.sendMessage(message('reader-article', tabId === undefined ? { token } : { token, tabId }))) ??
      null) as ReaderArticle | null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  // Both asked for first: the article's round trip to the background and the preferences' to storage
  // overlap each other and the building of this page.
  const article = loadArticle();
  const store = openPrefsStore();
  const prefsLoaded = store.load();

  const uiLocale = ext.i18n.getUILanguage() || undefined;
  // The page (toolbar, messages) is Lectern's, in the UI's language and
  // direction; the article carries its own lang and dir (render.ts).
  applyLocale(document, (name, subs) => ext.i18n.getMessage(name, subs));
  document.title = t('readerFrameTitle');

  const toolbar = createToolbar({
    save: (patch) => void store.save(patch).catch(() => undefined),
    // While a slider is dragged: shown at once, saved on release.
    preview: (patch) => applyPrefs(root, { ...store.current(), ...patch }),
    close: closeReader,
  });
  const apply = (prefs: Parameters<typeof applyPrefs>[1]): void => {
    applyPrefs(root, prefs);
    toolbar.update(prefs);
    // The benchmark times how fast a change made elsewhere reaches the reader.
    performance.mark('lectern:prefs-applied');
  };
  store.subscribe(apply);
  followStorageChanges(store);
  apply(await prefsLoaded);

  const main = document.createElement('main');
  main.id = 'content';
  // The article may still be on its way from the tab (extracted while this page loaded).
  main.setAttribute('aria-busy', 'true');
  // Error events do not bubble: caught on their way down, for every picture the article will hold.
  main.addEventListener('error', dropAltCaptionOfBrokenPicture, true);
  document.body.replaceChildren(toolbar.element, main);

  // The benchmark splits the reader's time at these marks: loading this page, waiting for the tab's article, rendering it.
  performance.mark('lectern:reader-ready');
  const data = await article;
  performance.mark('lectern:article-arrived');
  if (data?.article) {
    main.append(renderArticle(data.article, data.url, { locale: uiLocale, dir: root.dir === 'rtl' ? 'rtl' : 'ltr' }));
    // Preferences came first; the article's repeated caption words follow its pictures from now on.
    heardOnce(main, store.current().showImages);
    document.title = data.article.title || document.title;
  } else {
    main.append(renderNoArticle(closeReader));
  }
  main.removeAttribute('aria-busy');
  document.body.dataset.state = data?.article ? 'article' : 'empty';
  await whenShown();
  document.getElementById('reader-title')?.focus({ preventScroll: true });
  // For the benchmark's open time: the first task after the frame that lays the article out,
  // i.e. once that frame has been painted (a message, not a timer, so no clamping delays the mark).
  requestAnimationFrame(() => {
    const after = new MessageChannel();
    after.port1.onmessage = () => performance.mark('lectern:reader-painted');
    after.port2.postMessage(null);
  });

  document.addEventListener('keydown', (event) => {
    // The browser's own Print would print the tab: the site's page under the reader, cut at one screen.
    if (event.key.toLowerCase() === 'p' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      // With no article there is nothing to print (the page has no Print button then either).
      if (document.body.dataset.state !== 'empty') window.print();
      return;
    }
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    // The innermost layer first: an open settings panel folds (focus back on its summary), the next Escape
    // closes the reader. An open select has no Escape of its own here and closes the reader.
    const panel = event.target instanceof Element ? event.target.closest('.toolbar details[open]') : null;
    if (panel instanceof HTMLDetailsElement) {
      panel.open = false;
      panel.querySelector<HTMLElement>(':scope > summary')?.focus();
      return;
    }
    closeReader();
  });
}

void main();
