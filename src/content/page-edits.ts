/**
 * Every change Lectern makes to a page goes through a PageEdits log, so it
 * can be undone exactly (attributes back to their old value or absence,
 * added nodes removed) without a reload.
 */
export class PageEdits {
  private undos: (() => void)[] = [];

  setAttribute(el: Element, name: string, value: string): void {
    const had = el.hasAttribute(name);
    const old = el.getAttribute(name);
    el.setAttribute(name, value);
    this.undos.push(() => {
      if (had && old !== null) el.setAttribute(name, old);
      else el.removeAttribute(name);
    });
  }

  /** Sets an attribute only for as long as the returned function is not called. */
  temporaryAttribute(el: Element, name: string, value: string): () => void {
    const had = el.hasAttribute(name);
    const old = el.getAttribute(name);
    el.setAttribute(name, value);
    return () => {
      if (had && old !== null) el.setAttribute(name, old);
      else el.removeAttribute(name);
    };
  }

  insert(node: Node, parent: Node, before: Node | null): void {
    parent.insertBefore(node, before);
    this.undos.push(() => node.parentNode?.removeChild(node));
  }

  /** Registers an undo step for a change made elsewhere. */
  onUndo(undo: () => void): void {
    this.undos.push(undo);
  }

  get size(): number {
    return this.undos.length;
  }

  undoAll(): void {
    const steps = this.undos.reverse();
    this.undos = [];
    for (const step of steps) {
      try {
        step();
      } catch {
        // The page may have removed the node already; nothing left to undo.
      }
    }
  }
}
