/**
 * Captions on a live article: applies the plan to the images there now,
 * then to images the page adds later (infinite scroll, lazy galleries),
 * looking only at the added nodes, never rescanning the article. stop()
 * restores the page exactly; update() re-applies with new preferences.
 */
import { candidateImages, planImages, type CaptionPlan } from '../../core/captions';
import { applyEntries, type Undo } from './apply';
import { articleLook, type Look } from './style';

export interface CaptionPrefs {
  /** The caption feature: expand, dedupe, describe. */
  captions: boolean;
  showAltText: boolean;
  /** Caption text size in percent of the article's body text, 100..200. */
  captionSize: number;
}

export interface CaptionCounts {
  captionsExpanded: number;
  altRevealed: number;
  duplicatesResolved: number;
  captionsDescribed: number;
  captionsEnlarged: number;
}

export interface CaptionController {
  start(): void;
  update(prefs: CaptionPrefs): void;
  stop(): void;
  counts(): CaptionCounts;
}

function zero(): CaptionCounts {
  return { captionsExpanded: 0, altRevealed: 0, duplicatesResolved: 0, captionsDescribed: 0, captionsEnlarged: 0 };
}

function addedImages(mutations: MutationRecord[]): HTMLImageElement[] {
  const found = new Set<HTMLImageElement>();
  for (const m of mutations) {
    for (const node of Array.from(m.addedNodes)) {
      if (node.nodeType !== 1 || (node as Element).localName.startsWith('lectern-')) continue;
      for (const img of candidateImages(node as Element)) found.add(img);
    }
  }
  return [...found];
}

export function createCaptionController(
  article: Element,
  initial: CaptionPrefs,
  options: { view?: Window | null } = {},
): CaptionController {
  const view = options.view === undefined ? article.ownerDocument.defaultView : options.view;
  let prefs = initial;
  let running = false;
  let counts = zero();
  /** Per image, in order of application, so stop() can undo newest first. */
  const applied = new Map<HTMLImageElement, Undo>();
  const seen = new WeakSet<HTMLImageElement>();
  // Taken once per start, from the page as the site set it: read again later, it could take in captions
  // Lectern has already enlarged, and grow with every batch of new images.
  let look: Look | null = null;
  // The page's own constructor: in a content script and in jsdom the globals may belong to another realm.
  const Observer: typeof MutationObserver | undefined =
    (view as { MutationObserver?: typeof MutationObserver } | null)?.MutationObserver ?? globalThis.MutationObserver;

  const process = (images: HTMLImageElement[]): void => {
    const fresh = images.filter((img) => !seen.has(img) && article.contains(img));
    fresh.forEach((img) => seen.add(img));
    if (!fresh.length) return;
    const plan: CaptionPlan = planImages(fresh, article, {
      expandCaptions: prefs.captions,
      showAltText: prefs.showAltText,
      view,
    });
    if (!plan.length) return;
    look ??= articleLook(article, view, prefs.captionSize);
    const undos = applyEntries(plan, { look, view });
    plan.forEach((entry, i) => {
      const undo = undos[i];
      if (undo) applied.set(entry.image, undo);
      if (entry.actions.includes('expand')) counts.captionsExpanded++;
      if (entry.actions.includes('reveal-alt')) counts.altRevealed++;
      if (entry.actions.includes('dedupe')) counts.duplicatesResolved++;
      if (entry.actions.includes('describe')) counts.captionsDescribed++;
      if (entry.actions.includes('enlarge')) counts.captionsEnlarged++;
    });
  };

  /** An image the page took away: take our changes around it away too. */
  const forgetRemoved = (mutations: MutationRecord[]): void => {
    if (!mutations.some((m) => Array.from(m.removedNodes).some((n) => n.nodeType === 1))) return;
    for (const [img, undo] of applied) {
      if (!img.isConnected) {
        undo();
        applied.delete(img);
      }
    }
  };

  const observer = Observer
    ? new Observer((mutations: MutationRecord[]) => {
        forgetRemoved(mutations);
        process(addedImages(mutations));
      })
    : null;

  const controller: CaptionController = {
    start() {
      if (running || (!prefs.captions && !prefs.showAltText)) return;
      running = true;
      process(candidateImages(article));
      observer?.observe(article, { childList: true, subtree: true });
    },
    stop() {
      if (!running) return;
      running = false;
      observer?.takeRecords();
      observer?.disconnect();
      for (const undo of [...applied.values()].reverse()) undo();
      applied.clear();
      look = null;
      counts = zero();
      for (const img of candidateImages(article)) seen.delete(img);
    },
    update(next) {
      controller.stop();
      prefs = next;
      controller.start();
    },
    counts: () => ({ ...counts }),
  };
  return controller;
}
