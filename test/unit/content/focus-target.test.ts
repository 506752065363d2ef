// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { focusTarget, releaseFocusTargets } from '../../../src/content/focus-target';

beforeAll(() => {
  // jsdom lays nothing out: scrolling and media queries are no-ops here.
  HTMLElement.prototype.scrollIntoView ??= () => undefined;
  window.scrollBy = () => undefined;
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query })) as unknown as typeof window.matchMedia;
});

describe('focusTarget', () => {
  it('focuses a heading through a tabindex that goes when focus leaves', () => {
    document.body.innerHTML = '<h1 id="h">Headline</h1><button id="b">Next</button>';
    const heading = document.getElementById('h')!;
    expect(focusTarget(heading)).toBe(true);
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');
    document.getElementById('b')!.focus();
    expect(heading.hasAttribute('tabindex')).toBe(false);
  });

  it('shows its own focus ring while focus is there, and gives the element its own style back exactly', () => {
    document.body.innerHTML = '<h1 id="h">Headline</h1><h2 id="s" style="outline: 1px dotted red; color: navy">Sub</h2><button id="b">Next</button>';
    const heading = document.getElementById('h')!;
    focusTarget(heading);
    expect(heading.style.getPropertyValue('outline')).toBe('3px solid #ffbf47');
    expect(heading.style.getPropertyPriority('outline')).toBe('important');
    document.getElementById('b')!.focus();
    expect(heading.hasAttribute('style')).toBe(false);

    const sub = document.getElementById('s')!;
    focusTarget(sub);
    expect(sub.style.getPropertyValue('outline')).toBe('3px solid #ffbf47');
    document.getElementById('b')!.focus();
    expect(sub.style.getPropertyValue('outline')).toBe('1px dotted red');
    expect(sub.style.getPropertyValue('color')).toBe('navy');
    expect(sub.style.getPropertyValue('box-shadow')).toBe('');
  });

  it("gives focus back to a control of the page's own (closing the reader) without Lectern's ring", () => {
    document.body.innerHTML = '<input id="q" aria-label="Search"><h1 id="h">Headline</h1>';
    const search = document.getElementById('q')!;
    expect(focusTarget(search, { scroll: false })).toBe(true);
    expect(document.activeElement).toBe(search);
    expect(search.hasAttribute('style')).toBe(false);
    // A headline needs the lent tabindex, and wears the ring with it.
    const heading = document.getElementById('h')!;
    expect(focusTarget(heading, { scroll: false })).toBe(true);
    expect(heading.style.getPropertyValue('outline')).toBe('3px solid #ffbf47');
  });

  it('an element taken out and put back while focused (no blur) gets its own style back, not the ring', () => {
    document.body.innerHTML = '<h1 id="h">Headline</h1><button id="b">Next</button>';
    const heading = document.getElementById('h')!;
    focusTarget(heading);
    heading.remove();
    document.body.prepend(heading);
    focusTarget(heading);
    document.getElementById('b')!.focus();
    expect([heading.getAttribute('style'), heading.getAttribute('tabindex')]).toEqual([null, null]);
  });

  it('gives everything back when Lectern stops, focus or not', () => {
    document.body.innerHTML = '<h1 id="h">Headline</h1>';
    const heading = document.getElementById('h')!;
    focusTarget(heading);
    releaseFocusTargets();
    expect([heading.getAttribute('style'), heading.getAttribute('tabindex')]).toEqual([null, null]);
  });

  it('leaves no tabindex behind when focus cannot get there', () => {
    document.body.innerHTML = '<button id="b">Here</button>';
    document.getElementById('b')!.focus();
    // Not in the document: it cannot take focus (as under an open modal or inert).
    const away = document.createElement('h1');
    expect(focusTarget(away)).toBe(false);
    expect(away.hasAttribute('tabindex')).toBe(false);
    expect(document.activeElement?.id).toBe('b');
  });
});
