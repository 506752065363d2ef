// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanArticle, stripPresentation } from '../../../src/core/extract/clean';

function article(html: string): Element {
  return new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html').getElementById('root') as Element;
}

const STORY = `
  <p class="byline">By Ana Ruiz</p>
  <p>The council voted on Tuesday to keep the library open on Sundays, after a year of protests by readers and staff.</p>
  <div class="newsletter-box"><p>Sign up for our newsletter</p></div>
  <p>Funding will come from the parking budget, the council said, and the hours will be reviewed next spring.</p>
  <ul class="related"><li><a href="/a">Related: other news</a></li><li><a href="/b">More news</a></li></ul>
  <p><a href="#" class="toggle">Show more</a></p>`;

describe('cleanArticle', () => {
  it('removes furniture, and restore() puts every removed element back where it was', () => {
    const root = article(STORY);
    const original = article(STORY);
    stripPresentation(original);
    const result = cleanArticle(root, { title: 'Library stays open on Sundays', authors: ['Ana Ruiz'], descriptions: [] });
    expect(result.removed).toBeGreaterThan(0);
    expect(root.textContent).not.toContain('Sign up for our newsletter');
    expect(root.textContent).toContain('The council voted on Tuesday');
    result.restore();
    stripPresentation(root);
    expect(root.innerHTML).toBe(original.innerHTML);
  });
});
