// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../src/content/reader/overlay';
import { readerPreparePort, tabOfReaderPreparePort } from '../../../src/core/messages';

beforeAll(() => {
  // jsdom lays nothing out and scrolls nowhere, and its dialogs have no modal steps.
  window.scrollTo = () => undefined;
  HTMLElement.prototype.scrollIntoView ??= () => undefined;
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

const options = (onClosed = vi.fn()) => ({ src: 'chrome-extension://abc/src/reader/reader.html?hidden#token', title: 'Lectern reader', frameTitle: 'Article and reading settings', onClosed });

function setUp(): { serialized: string; link: HTMLElement } {
  document.documentElement.removeAttribute('style');
  document.body.innerHTML = '<header><a id="nav" href="#">Home</a></header><main><h1>Headline</h1><p>Story.</p></main><footer>Foot</footer>';
  const link = document.getElementById('nav')!;
  link.focus();
  return { serialized: document.documentElement.outerHTML, link };
}

const host = (): HTMLElement | null => document.querySelector('lectern-reader');

describe('createOverlay', () => {
  it('puts the reader up hidden: only its hidden host is added, focus and the page stay as they were', () => {
    const { serialized, link } = setUp();
    const overlay = createOverlay(window, options());
    expect(host()?.style.getPropertyValue('display')).toBe('none');
    expect(host()?.style.getPropertyPriority('display')).toBe('important');
    expect(document.querySelectorAll('[inert]')).toHaveLength(0);
    expect(document.activeElement).toBe(link);
    host()!.remove();
    expect(document.documentElement.outerHTML).toBe(serialized);
    overlay.close();
  });

  it('shown, it makes the page inert and takes its scrollbar; closed, it gives everything back', () => {
    const { serialized, link } = setUp();
    const onClosed = vi.fn();
    const overlay = createOverlay(window, options(onClosed));
    overlay.show();
    expect(host()?.style.getPropertyValue('display')).toBe('block');
    expect(document.body.hasAttribute('inert')).toBe(true);
    expect(document.head.hasAttribute('inert')).toBe(false);
    expect(host()!.hasAttribute('inert'), 'not its own host').toBe(false);
    expect(document.documentElement.style.getPropertyValue('overflow-y')).toBe('hidden');
    overlay.close();
    expect(host()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(serialized);
    expect(document.activeElement).toBe(link);
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('taken down unseen, it leaves the page exactly as it was, focus too', () => {
    const { serialized, link } = setUp();
    const onClosed = vi.fn();
    const overlay = createOverlay(window, options(onClosed));
    document.getElementById('nav')!.blur();
    document.querySelector('h1')!.setAttribute('tabindex', '-1');
    document.querySelector('h1')!.removeAttribute('tabindex');
    overlay.close();
    overlay.show();
    expect(host()).toBeNull();
    expect(document.querySelectorAll('[inert]')).toHaveLength(0);
    expect(document.documentElement.outerHTML).toBe(serialized);
    expect(document.activeElement, 'not moved back to where it was when the reader was put up').not.toBe(link);
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('shown after the page took its hidden host away, puts the host back rather than leave the page inert under nothing', () => {
    setUp();
    const overlay = createOverlay(window, options());
    host()!.remove();
    overlay.show();
    expect(host()?.style.getPropertyValue('display')).toBe('block');
    expect(document.body.hasAttribute('inert')).toBe(true);
    overlay.close();
    expect(host()).toBeNull();
    expect(document.body.hasAttribute('inert')).toBe(false);
  });

  it('reads where focus was when shown, not when put up', () => {
    const { link } = setUp();
    const overlay = createOverlay(window, options());
    const heading = document.querySelector('h1')!;
    heading.tabIndex = -1;
    heading.focus();
    overlay.show();
    overlay.close();
    expect(document.activeElement).toBe(heading);
    expect(document.activeElement).not.toBe(link);
  });
});

describe('the popup’s port', () => {
  it('names its tab, and no other port is taken for it', () => {
    expect(tabOfReaderPreparePort(readerPreparePort(42))).toBe(42);
    expect(tabOfReaderPreparePort('lectern-reader-prepare:')).toBeNull();
    expect(tabOfReaderPreparePort('lectern-reader-prepare:4x')).toBeNull();
    expect(tabOfReaderPreparePort('lectern-reader-prepare:-3')).toBeNull();
    expect(tabOfReaderPreparePort('another-port:42')).toBeNull();
  });
});
