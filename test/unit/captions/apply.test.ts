import { describe, expect, it } from 'vitest';
import { planCaptions } from '../../../src/core/captions';
import { applyCaptionPlan } from '../../../src/content/captions/apply';
import { createCaptionController } from '../../../src/content/captions/controller';
import { extractArticle } from '../../../src/core/extract/index';
import { captionFixtures, expectedFor, loadPage, one } from './load';

const serialize = () => document.documentElement.outerHTML;
const ALL = { captions: true, showAltText: true, captionSize: 150 };

describe.each(captionFixtures)('%s', (name) => {
  const expected = expectedFor(name);

  it.each([window, null])('apply then undo restores the exact serialization (view %#)', (view) => {
    const article = loadPage(name, expected.article);
    const before = serialize();
    const plan = planCaptions(article, { showAltText: true, expandCaptions: true, view });
    const undo = applyCaptionPlan(plan, document, { view, sizePercent: 150 });
    if (plan.length) expect(serialize()).not.toBe(before);
    undo();
    expect(serialize()).toBe(before);
  });

  it("the reader's extraction, which clones the page, reads the same article text with captions applied", () => {
    const article = loadPage(name, expected.article);
    const before = extractArticle(document);
    expect(before?.textContent).toBeTruthy();
    const controller = createCaptionController(article, ALL);
    controller.start();
    expect(extractArticle(document)?.textContent).toBe(before?.textContent);
    controller.stop();
  });

  it('controller start, update and stop leave the page exactly as it was', () => {
    const article = loadPage(name, expected.article);
    const before = serialize();
    const controller = createCaptionController(article, ALL);
    controller.start();
    controller.update({ ...ALL, captionSize: 200 });
    controller.update({ ...ALL, showAltText: false });
    controller.stop();
    expect(serialize()).toBe(before);
  });

  it('everything added carries the lectern- prefix', () => {
    const article = loadPage(name, expected.article);
    const before = new Set(Array.from(document.querySelectorAll('*')));
    const controller = createCaptionController(article, ALL);
    controller.start();
    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (!before.has(el)) expect(el.localName).toMatch(/^lectern-/);
    }
    for (const el of Array.from(document.querySelectorAll('[id]'))) {
      if (!el.id.startsWith('lectern-')) expect(before.has(el)).toBe(true);
    }
    controller.stop();
  });
});

describe('applied changes', () => {
  it('demo: the figcaption\'s words are hidden from assistive technology, the alt stays', () => {
    const article = loadPage('captions-demo-alt-repeated');
    const img = one('#lead');
    const alt = img.getAttribute('alt');
    createCaptionController(article, ALL).start();
    // Inside the figcaption, not the figcaption itself: the figure is named by it (Firefox uses a hidden one too).
    expect(one('#lead-figure figcaption').getAttribute('aria-hidden')).toBeNull();
    expect(one('#lead-figure figcaption .caption').getAttribute('aria-hidden')).toBe('true');
    // Marked as ours, so the reader's extraction reads the caption as the site wrote it.
    expect(one('#lead-figure figcaption .caption').hasAttribute('data-lectern-hidden')).toBe(true);
    expect(img.getAttribute('alt')).toBe(alt);
  });

  it("a copy the site hid already stays the site's: not marked as ours, and hidden still after stop()", () => {
    const article = loadPage('captions-demo-alt-repeated');
    const copy = one('#lead-figure figcaption .caption');
    copy.setAttribute('aria-hidden', 'true');
    const controller = createCaptionController(article, ALL);
    controller.start();
    expect(copy.getAttribute('aria-hidden')).toBe('true');
    expect(copy.hasAttribute('data-lectern-hidden')).toBe(false);
    controller.stop();
    expect(copy.getAttribute('aria-hidden')).toBe('true');
  });

  it('a caption with a credit hides the repeated words only', () => {
    const article = loadPage('captions-lazy-image');
    createCaptionController(article, ALL).start();
    const repeat = one('#wheel-figure lectern-repeat');
    expect(repeat.getAttribute('aria-hidden')).toBe('true');
    expect(repeat.textContent).toContain('Volunteers fitting new oak paddles');
    expect(one('#wheel-figure .credit').closest('[aria-hidden="true"]')).toBeNull();
  });

  it('reveal-alt adds a visible, aria-hidden caption with the alt text at the chosen size', () => {
    const article = loadPage('captions-picture-srcset');
    createCaptionController(article, { ...ALL, captionSize: 150 }).start();
    const added = one('lectern-alt-caption') as HTMLElement;
    expect(added.textContent).toBe(one('#bridge').getAttribute('alt'));
    expect(added.getAttribute('aria-hidden')).toBe('true');
    expect(added.previousElementSibling).toBe(one('#bridge-media'));
    // The fixture's body text is 18px; the preference asks for 150%.
    expect(added.style.getPropertyValue('font-size')).toBe('27px');
    expect(added.style.getPropertyPriority('font-size')).toBe('important');
  });

  it('describe ties the caption and its outside credit by id, in order', () => {
    const article = loadPage('captions-sibling-credit');
    createCaptionController(article, ALL).start();
    const ids = (one('#survey').getAttribute('aria-describedby') ?? '').split(' ');
    expect(ids.map((id) => document.getElementById(id))).toEqual([one('.pic__text'), one('.pic__credit')]);
    expect(ids.every((id) => id.startsWith('lectern-'))).toBe(true);
  });

  it('expand overrides the clamp inline with !important and leaves the site button alone', () => {
    const article = loadPage('captions-clamped-more');
    const button = one('.caption__more');
    createCaptionController(article, ALL).start();
    const text = one('#dunes-caption-text') as HTMLElement;
    expect(text.style.getPropertyValue('-webkit-line-clamp')).toBe('none');
    expect(text.style.getPropertyPriority('-webkit-line-clamp')).toBe('important');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect((one('#nets-caption') as HTMLElement).style.getPropertyValue('display')).toBe('block');
  });

  it('truncated twin: the full copy is shown, the truncated one hidden', () => {
    const article = loadPage('captions-truncated-twin');
    createCaptionController(article, ALL).start();
    expect((one('.caption-full') as HTMLElement).style.getPropertyValue('display')).toBe('block');
    expect((one('.caption-truncated') as HTMLElement).style.getPropertyValue('display')).toBe('none');
  });

  it('enlarge brings a small caption up to the body size times the preference', () => {
    const article = loadPage('captions-demo-alt-repeated');
    createCaptionController(article, { ...ALL, captionSize: 100 }).start();
    // figcaption is 14px in the page, body text 18px.
    expect((one('#lead-figure figcaption') as HTMLElement).style.getPropertyValue('font-size')).toBe('18px');
  });

  it('a hover caption is shown without its fade and in readable colours', () => {
    const article = loadPage('captions-hover-reveal');
    createCaptionController(article, ALL).start();
    const caption = one('.hover-card__caption') as HTMLElement;
    expect(caption.style.getPropertyValue('opacity')).toBe('1');
    expect(caption.style.getPropertyValue('transition')).toBe('none');
    expect(caption.style.getPropertyValue('position')).toBe('static');
    expect(caption.style.getPropertyValue('background-color')).not.toBe('');
  });

  it('undo keeps a value the page changed since', () => {
    const article = loadPage('captions-sibling-credit');
    const controller = createCaptionController(article, ALL);
    controller.start();
    one('#lifeboat').setAttribute('aria-describedby', 'page-own');
    controller.stop();
    expect(one('#lifeboat').getAttribute('aria-describedby')).toBe('page-own');
  });

  it('preferences off: start changes nothing', () => {
    const article = loadPage('captions-gallery-carousel');
    const before = serialize();
    const controller = createCaptionController(article, { captions: false, showAltText: false, captionSize: 100 });
    controller.start();
    expect(serialize()).toBe(before);
    expect(Object.values(controller.counts()).every((n) => n === 0)).toBe(true);
  });

  it('update turns show-alt-text off: the added caption goes, the rest stays', () => {
    const article = loadPage('captions-lazy-image');
    const controller = createCaptionController(article, ALL);
    controller.start();
    expect(document.querySelectorAll('lectern-alt-caption')).toHaveLength(1);
    controller.update({ ...ALL, showAltText: false });
    expect(document.querySelectorAll('lectern-alt-caption')).toHaveLength(0);
    expect(document.querySelectorAll('lectern-repeat')).toHaveLength(1);
    controller.stop();
  });
});

describe('the demo page (test/fixtures/demo)', () => {
  it('is heard once: the repeated figcaption is planned for dedupe, and undo is exact', async () => {
    const { detectArticle } = await import('../../../src/core/detect/index');
    loadPage('demo', 'body');
    const article = detectArticle(document)?.article ?? document.body;
    const before = serialize();
    const controller = createCaptionController(article, ALL);
    controller.start();
    expect(controller.counts().duplicatesResolved).toBe(1);
    expect(one('#lead-photo figcaption').getAttribute('aria-hidden')).toBeNull();
    const repeat = one('#lead-photo figcaption > lectern-repeat');
    expect(repeat.getAttribute('aria-hidden')).toBe('true');
    expect(repeat.textContent?.trim()).toBe(one('#lead-photo img').getAttribute('alt'));
    controller.stop();
    expect(serialize()).toBe(before);
  });
});
