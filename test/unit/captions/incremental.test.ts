import { afterEach, expect, it, vi } from 'vitest';
import { createCaptionController, type CaptionController } from '../../../src/content/captions/controller';
import { loadPage, one } from './load';

const ALL = { captions: true, showAltText: true, captionSize: 100 };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
let controller: CaptionController | null = null;

afterEach(() => {
  controller?.stop();
  controller = null;
  vi.restoreAllMocks();
});

function figure(id: string, alt: string, caption?: string): HTMLElement {
  const fig = document.createElement('figure');
  fig.id = `${id}-figure`;
  const img = document.createElement('img');
  img.id = id;
  img.src = 'lifeboat.svg';
  img.width = 800;
  img.height = 450;
  img.alt = alt;
  fig.append(img);
  if (caption) {
    const fc = document.createElement('figcaption');
    fc.textContent = caption;
    fig.append(fc);
  }
  return fig;
}

it('an appended figure is processed alone, without rescanning the article', async () => {
  const article = loadPage('captions-sibling-credit');
  controller = createCaptionController(article, ALL);
  controller.start();
  const counts = controller.counts();
  const describedBefore = document.querySelectorAll('[aria-describedby]').length;
  const scans = [vi.spyOn(article, 'querySelectorAll'), vi.spyOn(article, 'getElementsByTagName')];

  article.append(figure('late', 'A crane lifting the damaged yacht onto the quay at dawn'));
  await tick();

  expect(one('#late-figure lectern-alt-caption').textContent).toBe(one('#late').getAttribute('alt'));
  expect(controller.counts()).toEqual({ ...counts, altRevealed: counts.altRevealed + 1 });
  expect(document.querySelectorAll('[aria-describedby]')).toHaveLength(describedBefore);
  // Only the added figure was searched for images, never the whole article.
  for (const scan of scans) expect(scan.mock.calls.filter(([sel]) => /img/i.test(String(sel)))).toEqual([]);
});

it('a figure appended inside a wrapper and a repeated caption are handled too', async () => {
  const article = loadPage('captions-decorative-image');
  controller = createCaptionController(article, ALL);
  controller.start();
  const wrapper = document.createElement('div');
  const text = 'Bernard Aubry at his lathe, turning a brass screw for a 1960s desk lamp';
  wrapper.append(figure('late-dup', text, text));
  article.append(wrapper);
  await tick();
  expect(one('#late-dup-figure figcaption lectern-repeat').getAttribute('aria-hidden')).toBe('true');
  expect(one('#late-dup-figure figcaption').getAttribute('aria-hidden')).toBeNull();
  expect(controller.counts().duplicatesResolved).toBe(1);
});

it('stop restores the page with the late figure as the page left it', async () => {
  const article = loadPage('captions-sibling-credit');
  controller = createCaptionController(article, ALL);
  controller.start();
  const late = figure('late', 'A crane lifting the damaged yacht onto the quay at dawn');
  const lateHtml = late.outerHTML;
  article.append(late);
  await tick();
  expect(late.outerHTML).not.toBe(lateHtml);
  controller.stop();
  expect(late.outerHTML).toBe(lateHtml);
});

it('an image the page removes takes its added caption with it', async () => {
  const article = loadPage('captions-lazy-image');
  controller = createCaptionController(article, ALL);
  controller.start();
  expect(document.querySelectorAll('lectern-alt-caption')).toHaveLength(1);
  one('#mill').remove();
  await tick();
  expect(document.querySelectorAll('lectern-alt-caption')).toHaveLength(0);
});

it('after stop, added images are left alone', async () => {
  const article = loadPage('captions-sibling-credit');
  controller = createCaptionController(article, ALL);
  controller.start();
  controller.stop();
  article.append(figure('later', 'A crane lifting the damaged yacht onto the quay at dawn'));
  await tick();
  expect(document.querySelector('lectern-alt-caption')).toBeNull();
});
