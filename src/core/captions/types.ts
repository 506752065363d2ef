/**
 * The caption plan: what Lectern would change around each image of an
 * article. Plain data that points at page nodes; building it never changes
 * the page, so it runs unchanged in jsdom and in a content script.
 */

/**
 * - expand: the caption is truncated, collapsed or hidden; show it in full.
 * - reveal-alt: a meaningful alt and no visible caption; show the alt as a
 *   caption that screen readers skip (they already hear the alt).
 * - dedupe: the caption repeats the alt; hide the repeated words from
 *   assistive technology so they are heard once (the alt stays).
 * - describe: caption text that is not a figcaption; make it the image's
 *   description (aria-describedby).
 * - enlarge: a visible caption of the story; shown at least at the
 *   article's body size times the reader's caption size, in readable
 *   colours (the applier measures whether it needs to).
 */
export type CaptionAction = 'expand' | 'reveal-alt' | 'dedupe' | 'describe' | 'enlarge';

/** Why an element counts as collapsed; the applier picks its overrides from these. */
export type CollapseReason =
  | 'hidden-attribute'
  | 'display-none'
  | 'invisible'
  | 'transparent'
  | 'line-clamp'
  | 'max-height'
  | 'ellipsis'
  | 'clipped'
  | 'overlay'
  | 'details-closed'
  | 'toggle';

export interface Unclamp {
  element: Element;
  reasons: CollapseReason[];
}

/** A run of characters [start, end) of one text node. */
export interface TextPart {
  node: Text;
  start: number;
  end: number;
}

/** Where a new node goes: parent.insertBefore(node, before). */
export interface InsertionPoint {
  parent: Node;
  before: Node | null;
}

export interface CaptionEntry {
  image: HTMLImageElement;
  /** The picture box: the img, or its picture/link/ratio wrapper holding nothing else. */
  media: Element;
  /** The enclosing figure or caption wrapper, if any. */
  container: Element | null;
  caption: Element | null;
  /** "Photo: AP" and the like; inside the caption or right next to it. */
  credit: Element | null;
  /** The alt text when it means something, else null. */
  alt: string | null;
  /** The caption's words without the credit and without toggle buttons. */
  captionText: string;
  actions: CaptionAction[];
  /** expand: elements to un-collapse, with the reasons found. */
  unclamp: Unclamp[];
  /** expand: a truncated copy shown instead of the full caption; hide it visually. */
  conceal: Element[];
  /** dedupe: caption parts that repeat the alt, to hide from assistive technology. */
  hide: Array<Element | TextPart>;
  /** describe: the elements whose text becomes the image's description, in order. */
  describedBy: Element[];
  /** reveal-alt: where the visible alt caption goes. */
  insertAt: InsertionPoint | null;
}

export type CaptionPlan = CaptionEntry[];

export interface PlanOptions {
  /** Show meaningful alt text as a visible caption. */
  showAltText: boolean;
  /** The caption feature itself: expand, dedupe and describe. */
  expandCaptions: boolean;
  /** For getComputedStyle and layout; null reads inline styles, attributes and classes only. */
  view: Window | null;
  /**
   * The story's headline, where the document's own h1 and title are not it
   * (the reader's copy of the article, judged before its title is shown).
   */
  headline?: string;
}
