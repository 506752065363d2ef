/**
 * The reader's place on the page: a full-window iframe of our reader page
 * in a modal dialog inside a closed shadow root, with the page underneath
 * made inert. The modal dialog puts the reader in the browser's top layer,
 * above anything the page shows there (its own modal dialogs, popovers),
 * which would otherwise cover the reader and leave it inert. Every
 * change to the page is recorded and undone exactly on close: the `inert`
 * attributes (only where we added them), the focused element, the scroll
 * position. Nothing else on the page is touched: its forms, media and
 * scripts keep their state.
 */
import { ChangeLog } from '../change-log';
import { focusTarget } from '../focus-target';

export interface OverlayOptions {
  /** The reader page's URL (with its token in the hash). */
  src: string;
  /** The reader's accessible name: the dialog's. */
  title: string;
  /**
   * The frame's name, which must differ from the dialog's: a screen reader
   * entering the reader says both, and the same name twice tells nothing.
   */
  frameTitle: string;
  /** The language of the two names (the page's may be another): a screen reader says them in its voice. */
  lang?: string;
  /** Called after the overlay was removed. */
  onClosed(): void;
}

export interface Overlay {
  close(): void;
}

/**
 * The overlay is put up hidden, its frame loading (and rendering its
 * article) at once; `show` shows it. The popup has it put up before its
 * button is pressed, so the reader shows at once
 * (src/content/reader/extract.iife.ts). Until `show`, nothing on the page
 * changes but the hidden host at the end of <html>: focus, scroll, inert
 * and the page's popovers are all left as they are.
 */
export interface HiddenOverlay extends Overlay {
  show(): void;
}

const HOST_TAG = 'lectern-reader';

/** The element that really has focus, looking into open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The page's popovers that are showing now. */
function openPopovers(doc: Document): HTMLElement[] {
  try {
    return Array.from(doc.querySelectorAll<HTMLElement>(':popover-open'));
  } catch {
    return []; // A browser without popovers has none open.
  }
}

function reopen(popover: HTMLElement): void {
  try {
    if (popover.isConnected && !popover.matches(':popover-open')) popover.showPopover();
  } catch {
    // The page changed it meanwhile (no longer a popover, say): it stays as the page left it.
  }
}

export function createOverlay(win: Window, options: OverlayOptions): HiddenOverlay {
  const doc = win.document;
  const root = doc.documentElement;

  const host = doc.createElement(HOST_TAG);
  // Inline styles on the host, set through the CSSOM: the page's CSS can
  // only reach the host itself, and !important inline styles beat it. The
  // size is the window's less its scrollbars (100%, not 100vw): on a
  // right-to-left page 100vw would push the reader off its left edge.
  const hostStyle: Record<string, string> = {
    position: 'fixed', inset: '0', width: '100%', height: '100%', 'z-index': '2147483647',
    display: 'block', margin: '0', padding: '0', border: '0', opacity: '1', visibility: 'visible',
    transform: 'none', filter: 'none', 'clip-path': 'none', 'pointer-events': 'auto', background: 'Canvas',
  };
  for (const [prop, value] of Object.entries(hostStyle)) host.style.setProperty(prop, value, 'important');
  // Hidden until shown; the frame inside loads all the same.
  host.style.setProperty('display', 'none', 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.src = options.src;
  // What the frame holds, said on entering it after the dialog's name.
  frame.title = options.frameTitle;
  frame.setAttribute('allow', '');
  for (const [prop, value] of Object.entries({ width: '100%', height: '100%', border: '0', display: 'block', margin: '0', background: 'Canvas' })) {
    frame.style.setProperty(prop, value);
  }
  const dialog = doc.createElement('dialog');
  dialog.setAttribute('aria-label', options.title);
  if (options.lang) dialog.lang = options.lang;
  // Firefox gives a modal dialog a Tab stop of its own: Shift+Tab from the reader's first control would
  // land on it, with nothing shown focused. Focus belongs in the frame; the dialog only holds it.
  dialog.tabIndex = -1;
  const dialogStyle: Record<string, string> = {
    position: 'fixed', inset: '0', width: '100%', height: '100%', 'max-width': 'none', 'max-height': 'none',
    margin: '0', padding: '0', border: '0', overflow: 'hidden', background: 'Canvas', color: 'CanvasText',
  };
  for (const [prop, value] of Object.entries(dialogStyle)) dialog.style.setProperty(prop, value, 'important');
  dialog.append(frame);
  shadow.append(dialog);
  root.append(host);

  // What showing changes, each put back on close.
  let shown: { returnFocus: Element | null; scroll: { x: number; y: number }; madeInert: Element[]; pageStyle: ChangeLog; popovers: HTMLElement[] } | null = null;
  let closed = false;

  function show(): void {
    if (shown || closed) return;
    const returnFocus = deepActiveElement(doc);
    const scroll = { x: win.scrollX, y: win.scrollY };
    // Everything but our host goes inert: body, and anything else sites or
    // other extensions put next to it under <html>.
    const madeInert: Element[] = [];
    for (const child of Array.from(root.children)) {
      if (child === host || child.tagName === 'HEAD' || child.hasAttribute('inert')) continue;
      child.setAttribute('inert', '');
      madeInert.push(child);
    }
    host.style.setProperty('display', 'block', 'important');
    // A page that tidied the hidden host away meanwhile would be left inert with no reader over it. Put back, the
    // frame loads again, and its token still fetches the article.
    if (!host.isConnected) root.append(host);
    // The page's own scrollbar would stand beside the reader's, and scroll the
    // page underneath when the reader's reaches its end. Put back on close.
    const pageStyle = new ChangeLog();
    // The longhands: a page's own overflow-y (scroll) comes back whole even if it changes its style meanwhile.
    pageStyle.setStyle(root, { 'overflow-x': 'hidden', 'overflow-y': 'hidden' });
    // A modal dialog closes the page's open popovers (a menu, a prompt): they are opened again on close.
    const popovers = openPopovers(doc);
    shown = { returnFocus, scroll, madeInert, pageStyle, popovers };
    try {
      dialog.showModal();
    } catch {
      // A document that cannot show it (one in a state a page may leave it in): shown in place, as the host is.
      dialog.setAttribute('open', '');
    }
    // No scrolling: the frame covers the window, and scrolling into view would force a layout of the whole page first.
    frame.focus({ preventScroll: true });
  }

  function close(): void {
    if (closed) return;
    closed = true;
    if (dialog.open) dialog.close();
    host.remove();
    if (!shown) {
      options.onClosed();
      return;
    }
    const { returnFocus, scroll, madeInert, pageStyle, popovers } = shown;
    for (const el of madeInert) el.removeAttribute('inert');
    pageStyle.undo();
    for (const popover of popovers) reopen(popover);
    win.scrollTo(scroll.x, scroll.y);
    // The body means nothing had focus. The headline the skip link focused lost its tabindex=-1 when focus
    // went into the reader: focusTarget lends it one again, so focus goes back there too.
    const focusBack = returnFocus === doc.body || returnFocus === root || !returnFocus?.isConnected ? null : returnFocus;
    if (focusBack instanceof HTMLElement) focusTarget(focusBack, { scroll: false });
    else if (focusBack instanceof SVGElement) focusBack.focus({ preventScroll: true });
    // Nothing to give it back to (or it has left the page): the page itself takes the focus, which was in the
    // frame just removed. Chromium leaves it nowhere otherwise, and neither Tab nor a screen reader goes on.
    else win.focus();
    options.onClosed();
  }

  // Escape with focus on the page's side of the frame asks the dialog to close: the reader closes with it.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });

  return { show, close };
}
