/**
 * Every change Lectern makes to a page, recorded so that undo() puts the
 * DOM back exactly: attributes to their old value or absence, added nodes
 * removed, split text nodes joined. A value the page itself changed since
 * is left alone: undo must not fight the page.
 */
import type { InsertionPoint, TextPart } from '../core/captions';

export type Undo = () => void;

type Styled = Element & ElementCSSInlineStyle;

export class ChangeLog {
  private readonly undos: Undo[] = [];

  setAttribute(el: Element, name: string, value: string): void {
    const before = el.getAttribute(name);
    if (before === value) return;
    el.setAttribute(name, value);
    this.undos.push(() => {
      if (el.getAttribute(name) !== value) return;
      if (before === null) el.removeAttribute(name);
      else el.setAttribute(name, before);
    });
  }

  /** Inline !important declarations: page CSS cannot beat them and a page CSP cannot block them. */
  setStyle(el: Element, props: Record<string, string>): void {
    const styled = el as Styled;
    if (!styled.style) return;
    const before = el.getAttribute('style');
    const prior = Object.keys(props).map((p) => ({
      p,
      value: styled.style.getPropertyValue(p),
      priority: styled.style.getPropertyPriority(p),
    }));
    for (const [p, v] of Object.entries(props)) styled.style.setProperty(p, v, 'important');
    const after = el.getAttribute('style');
    if (after === before) return;
    this.undos.push(() => {
      if (el.getAttribute('style') === after) {
        // Untouched since: the original text back, byte for byte.
        if (before === null) el.removeAttribute('style');
        else el.setAttribute('style', before);
        return;
      }
      for (const { p, value, priority } of prior) {
        if (value) styled.style.setProperty(p, value, priority);
        else styled.style.removeProperty(p);
      }
      if (before === null && el.getAttribute('style') === '') el.removeAttribute('style');
    });
  }

  insert(node: Node, at: InsertionPoint): void {
    at.parent.insertBefore(node, at.before && at.before.parentNode === at.parent ? at.before : null);
    this.undos.push(() => node.parentNode?.removeChild(node));
  }

  /** Puts characters [start, end) of a text node into `wrapper`, splitting the node as needed. */
  wrapText(part: TextPart, wrapper: Element): void {
    const { node, start, end } = part;
    const original = node.data;
    const parent = node.parentNode;
    if (!parent || end <= start || end > original.length) return;
    // splitText keeps the pieces side by side under the same parent.
    const middle = start > 0 ? node.splitText(start) : node;
    const tail = end < original.length ? middle.splitText(end - start) : null;
    parent.insertBefore(wrapper, middle);
    wrapper.appendChild(middle);
    this.undos.push(() => {
      wrapper.parentNode?.insertBefore(middle, wrapper);
      wrapper.parentNode?.removeChild(wrapper);
      if (middle !== node) middle.parentNode?.removeChild(middle);
      tail?.parentNode?.removeChild(tail);
      node.data = original;
    });
  }

  /** Registers an undo step for a change made elsewhere (a listener added, say). */
  onUndo(undo: Undo): void {
    this.undos.push(undo);
  }

  /** Undoes everything, newest first, and forgets it. */
  undo(): void {
    for (let undo = this.undos.pop(); undo; undo = this.undos.pop()) undo();
  }
}
