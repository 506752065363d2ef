/**
 * detectArticle runs on every page the browser opens, so it must answer
 * null, never throw, on documents that are not HTML pages, and give up on
 * time when a page is huge. Time is a fake clock passed in as `now`:
 * tests never measure the wall clock.
 */
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { detectArticle } from '../../../src/core/detect/index';

const XHTML = 'http://www.w3.org/1999/xhtml';

const PARAGRAPHS = [
  'The city council voted on Tuesday to rebuild the old harbour wall, which was badly damaged in last winter’s storms and has been closed to walkers since January.',
  'Engineers told the council that the wall could collapse in another severe storm, putting the fish market and about forty homes behind it at risk of flooding.',
  'The work will cost about nine million pounds and take two years. Most of the money will come from a national fund for coastal defences, with the rest from the council.',
  'Residents at the meeting welcomed the decision but asked that the footpath along the top of the wall be reopened as soon as it is safe, as it is used by hundreds of people every day.',
  'Fishermen said they were relieved. Several of them told councillors that they had moved their boats to other harbours during the winter, because the damaged wall no longer sheltered the moorings from easterly gales.',
  'The council will hold a public exhibition of the plans at the library next month, and work is expected to start in the spring, once the worst of the winter weather has passed.',
];

function articleHtml(): string {
  return `<article><h1 id="headline">Harbour wall to be rebuilt after storm damage</h1>${PARAGRAPHS.map(
    (p, i) => `<p${i === 0 ? ' id="first"' : ''}>${p}</p>`,
  ).join('')}</article>`;
}

/** Calls `now` as a clock that moves by `step` each time it is read. */
function fakeClock(step: number): { now: () => number; calls: () => number } {
  let t = 1_000_000;
  const now = vi.fn(() => (t += step));
  return { now, calls: () => now.mock.calls.length };
}

describe('documents that are not HTML pages', () => {
  it('returns null for an XML document', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>${PARAGRAPHS.map(
      (p) => `<item><title>Story</title><description>${p}</description><p>${p}</p></item>`,
    ).join('')}</channel></rss>`;
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(() => detectArticle(doc)).not.toThrow();
    expect(detectArticle(doc)).toBeNull();
  });

  it('returns null for an SVG document, even one carrying HTML prose in a foreignObject', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><text x="10" y="20">Chart title</text><foreignObject width="400" height="380"><body xmlns="${XHTML}">${PARAGRAPHS.map(
      (p) => `<p>${p}</p>`,
    ).join('')}</body></foreignObject></svg>`;
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.documentElement.localName).toBe('svg');
    expect(detectArticle(doc)).toBeNull();
  });

  it('returns null for a frameset page', () => {
    const doc = new JSDOM(
      '<!DOCTYPE html><html><head><title>Frames</title></head><frameset cols="30%,70%"><frame src="menu.html"><frame src="story.html"></frameset></html>',
    ).window.document;
    expect(doc.body?.localName).toBe('frameset');
    expect(detectArticle(doc)).toBeNull();
  });

  it('returns null for an HTML-namespace document without a body', () => {
    const doc = document.implementation.createDocument(XHTML, 'html', null);
    doc.documentElement.appendChild(doc.createElementNS(XHTML, 'head'));
    expect(doc.body).toBeNull();
    expect(detectArticle(doc)).toBeNull();
  });

  it('returns null for an HTML page whose body was removed', () => {
    const doc = new JSDOM(`<!DOCTYPE html><body>${articleHtml()}</body>`).window.document;
    doc.body.remove();
    expect(detectArticle(doc)).toBeNull();
  });

  it('returns null for a document with no root element', () => {
    const doc = document.implementation.createDocument(null, null, null);
    expect(doc.documentElement).toBeNull();
    expect(detectArticle(doc)).toBeNull();
  });

  it('returns null for about:blank and empty pages', () => {
    expect(detectArticle(new JSDOM().window.document)).toBeNull();
    expect(detectArticle(new JSDOM('').window.document)).toBeNull();
    expect(detectArticle(document.implementation.createHTMLDocument(''))).toBeNull();
    expect(detectArticle(new JSDOM('<!DOCTYPE html><body>   \n  </body>').window.document)).toBeNull();
  });

  it('shrugs off broken, huge and deeply nested JSON-LD', () => {
    let nested: unknown = { '@type': 'NewsArticle', headline: 'Deep' };
    for (let i = 0; i < 500; i++) nested = { '@graph': [nested] };
    const huge = JSON.stringify({ '@type': 'NewsArticle', articleBody: 'x'.repeat(1_000_000) });
    const doc = new JSDOM(
      `<!DOCTYPE html><head>
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
        <script type="application/ld+json">${JSON.stringify(nested)}</script>
        <script type="application/ld+json">${huge}</script>
        <script type="application/ld+json">null</script>
        <script type="application/ld+json">[1, "two", {"@type": 3}]</script>
      </head><body><p>Too short to be a story.</p></body>`,
    ).window.document;
    expect(() => detectArticle(doc)).not.toThrow();
    expect(detectArticle(doc)).toBeNull();
  });
});

describe('documents without a window', () => {
  it('finds the article in a page parsed by DOMParser (as the reader does with a copy)', () => {
    const doc = new DOMParser().parseFromString(`<!DOCTYPE html><title>Harbour wall to be rebuilt after storm damage</title><body>${articleHtml()}</body>`, 'text/html');
    expect(doc.defaultView).toBeNull();
    const result = detectArticle(doc);
    expect(result?.start.id).toBe('first');
    expect(result?.headline?.id).toBe('headline');
  });
});

describe('a page of 200,000 elements', () => {
  // A data table of 50,000 rows of four elements each, the kind of page
  // (a price list, a log) that must cost the content script nothing.
  let doc: Document;
  const withArticle = <T>(run: () => T): T => {
    const holder = doc.createElement('div');
    // eslint-disable-next-line no-unsanitized/property -- the test's own fixed markup, no page input
    holder.innerHTML = articleHtml();
    const article = holder.firstElementChild as Element;
    doc.body.prepend(article);
    try {
      return run();
    } finally {
      article.remove();
    }
  };

  beforeAll(() => {
    // Built with DOM calls: parsing 200,000 elements from a string takes jsdom far longer.
    doc = new JSDOM('<!DOCTYPE html><title>Harbour wall to be rebuilt after storm damage</title><body><table><tbody></tbody></table></body>', {
      url: 'http://robustness.test/',
    }).window.document;
    const row = doc.createElement('tr');
    for (const text of ['4711', 'Widget', '3.50']) row.appendChild(doc.createElement('td')).textContent = text;
    const rows = doc.createDocumentFragment();
    for (let i = 0; i < 50_000; i++) rows.appendChild(row.cloneNode(true));
    doc.querySelector('tbody')!.appendChild(rows);
    expect(doc.body.getElementsByTagName('*').length).toBeGreaterThanOrEqual(200_000);
  }, 120_000);

  // The generous timeout is a guard against a hang, not a measurement.
  it('gives up within a few clock readings of its budget', { timeout: 300_000 }, () => {
    const budgetMs = 4;
    const clock = fakeClock(1); // one fake millisecond per reading
    const result = detectArticle(doc, { budgetMs, now: clock.now });
    expect(result).toBeNull();
    expect(clock.calls()).toBeGreaterThanOrEqual(2);
    // Each reading costs a millisecond, so the deadline passes at reading
    // budgetMs + 2; a detector that heeds it stops there or just after.
    expect(clock.calls()).toBeLessThanOrEqual(budgetMs + 5);
  });

  it('returns null, without throwing, once the budget is spent', { timeout: 120_000 }, () => {
    const clock = fakeClock(1_000);
    withArticle(() => expect(detectArticle(doc, { budgetMs: 100, now: clock.now })).toBeNull());
    expect(clock.calls()).toBeGreaterThanOrEqual(2);
  });

  it('finds the article on the same page when the clock stands still', { timeout: 120_000 }, () => {
    // Same page and budget as above: only the clock differs, so the null
    // above is the budget at work, not a miss.
    const clock = fakeClock(0);
    withArticle(() => {
      const result = detectArticle(doc, { budgetMs: 100, now: clock.now });
      expect(result?.start.id).toBe('first');
      expect(result?.target.id).toBe('headline');
    });
    expect(clock.calls()).toBeGreaterThanOrEqual(1);
  });
});
