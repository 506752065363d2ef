// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { focusTarget } from '../../../src/content/focus-target';

beforeAll(() => {
  // jsdom lays nothing out: scrolling and media queries are no-ops here.
  HTMLElement.prototype.scrollIntoView ??= () => undefined;
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
