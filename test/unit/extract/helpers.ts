import { JSDOM } from 'jsdom';

export const BASE = 'https://news.example.com/world/2024/03/05/bridge.html';

/** A document at `url`, parsed like a page whose scripts did not run. */
export function load(html: string, url = BASE): Document {
  return new JSDOM(html, { url }).window.document;
}

/** Enough real prose that Readability treats the page as an article. */
export const PROSE = [
  'The old river bridge reopened to traffic on Tuesday morning after eighteen months of repairs, ahead of the schedule the city had promised when the work began. Crews replaced the steel deck, repaired the stone piers and widened the footpaths on both sides.',
  'Commuters who had used the ferry or the ring road since the closure said the reopening would save them half an hour a day. The city council said traffic would be watched closely for the first weeks, and that the speed limit on the bridge would stay at thirty kilometres an hour.',
  'Engineers found more damage in the piers than they had expected when divers inspected them in the first winter. The extra work added four months to the plan, but the contractor caught up over the summer by working at night when the river was low.',
  'The repairs cost forty-two million, about a tenth more than budgeted. Most of the money came from the national infrastructure fund, and the rest from the city, which had set aside money for the bridge over the previous ten years.',
  'A celebration is planned for the weekend, with music on the footpaths and the bridge closed to cars for the afternoon. The mayor said she hoped residents would come and walk across it before the traffic returned on Monday.',
];

export function paragraphs(n = PROSE.length): string {
  return PROSE.slice(0, n).map((p) => `<p>${p}</p>`).join('\n');
}

export function page(body: string, head = '', htmlAttrs = 'lang="en"'): string {
  return `<!DOCTYPE html><html ${htmlAttrs}><head><meta charset="utf-8"><title>Bridge reopens after repairs | River Post</title>${head}</head><body>${body}</body></html>`;
}
