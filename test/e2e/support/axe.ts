/**
 * axe (WCAG 2.0/2.1/2.2 A and AA, and best practice) on a page, with each
 * violation's node given a key that names the same node with and without
 * Lectern's changes, so two runs can be compared.
 */
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { AxeResults } from 'axe-core';
import type { Page } from 'puppeteer-core';

export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The pages an axe test runs on in `browser`: all of them in Chromium;
 * in Firefox, where axe takes about twice as long, the sample, unless
 * LECTERN_E2E_AXE_ALL=1 asks for all of them there too.
 */
export function axePages(browser: string, all: string[], firefoxSample: string[]): string[] {
  if (browser === 'chromium' || process.env.LECTERN_E2E_AXE_ALL) return all;
  return all.filter((page) => firefoxSample.includes(page));
}

export interface Finding {
  rule: string;
  /** axe's selector for the node (an array when it is inside a shadow root). */
  target: string;
  /**
   * The node's place in the page, as tag#id[index among same-tag siblings]
   * from <html> down, not counting Lectern's own elements: the same node
   * gets the same key with and without Lectern, whereas axe's nth-child
   * selectors shift when Lectern puts its link first in <body>.
   */
  key: string;
  html: string;
}

export async function violations(page: Page): Promise<Finding[]> {
  const results: AxeResults = await new AxePuppeteer(page).withTags(TAGS).analyze();
  const nodes = results.violations.flatMap((v) => v.nodes.map((n) => ({ rule: v.id, target: n.target as unknown as string[], html: n.html.slice(0, 160) })));
  const keys = await page.evaluate((targets: string[][]) => {
    const out: string[] = [];
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t] as string[];
      let el: Element | null = null;
      let scope: Document | ShadowRoot | null = document;
      for (let i = 0; i < target.length && scope; i++) {
        el = scope.querySelector(target[i] as string);
        scope = i < target.length - 1 && el ? el.shadowRoot : null;
      }
      const steps: string[] = [];
      for (let node: Element | null = el; node; ) {
        let index = 0;
        for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
          if (sib.tagName === node.tagName && !/^lectern-/i.test(sib.tagName)) index++;
        }
        steps.unshift(`${node.tagName.toLowerCase()}${node.id ? '#' + node.id : ''}[${index}]`);
        const root = node.getRootNode() as Document | ShadowRoot;
        node = node.parentElement ?? ((root as ShadowRoot).host || null);
      }
      out.push(el ? steps.join('>') : `unresolved:${target.join('|')}`);
    }
    return out;
  }, nodes.map((n) => n.target));
  return nodes.map((n, i) => ({ rule: n.rule, target: JSON.stringify(n.target), key: keys[i] as string, html: n.html }));
}
