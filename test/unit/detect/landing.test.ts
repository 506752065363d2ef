// @vitest-environment jsdom
/**
 * Where Tab, Enter lands: the headline, unless what a reader reads between
 * it and the story is too long. Text hidden from view counts only when the
 * page's layout is not asked (detection at load); the jump asks it.
 */
import { describe, expect, it } from 'vitest';
import { detectArticle, landingTarget } from '../../../src/core/detect/index';

const STORY = [
  'Gaming used to be so simple: buy a console, buy the games, and play them on the television in the living room with friends and family.',
  'Now the biggest companies in technology want players to stream their games from distant data centres instead, paying by the month for a library of titles.',
  'Analysts say the shift could reshape an industry worth more than a hundred billion dollars a year, though many players remain wary of lag and data caps.',
  'The companies are betting that fast home internet and new wireless networks will make the difference, as they did for music and film a decade ago.',
  'Early reviews of the services have been mixed, praising the convenience of playing anywhere while noting that fast games still stutter on busy evenings.',
  'Publishers, for their part, are weighing how much of their catalogues to license to each service, and on what terms, before the holiday season begins.',
  'For now, most players say they will keep buying consoles, though many add that they would try a streaming service if it came with the games they already own.',
].map((p, i) => `<p${i === 0 ? ' id="first"' : ''}>${p}</p>`).join('');

const CARD =
  'Sarah Example, The Daily Example. Biography: Sarah covers video games and the business of play for the paper from San Francisco, ' +
  'where she has written about consoles, streaming services and the people who make games since 2011. Before that she reported on retail and toys. Write to her at sarah@example.com or follow her online.';

function page(cardStyle: string): Document {
  const html = `<article><h1 id="headline">Streaming services want to change how you play video games</h1>
    <p class="byline">By Sarah Example</p><div class="author-card" style="${cardStyle}">${CARD}</div>${STORY}</article>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

/** What a live page's checkVisibility answers, from the inline styles jsdom computes. */
const rendered = (el: Element): boolean => !el.closest('[style*="display: none"]');

describe('landingTarget', () => {
  it("lands on the headline when the long gap before the story is an author's card hidden from view", () => {
    const found = detectArticle(page('display: none'))!;
    // By markup alone, the card's words are counted: the story's first paragraph.
    expect(found.target.id).toBe('first');
    expect(landingTarget(found, rendered).id).toBe('headline');
  });

  it('stays on the story when the card is shown, or when the headline itself is hidden', () => {
    const shown = detectArticle(page(''))!;
    expect(landingTarget(shown, rendered).id).toBe('first');
    const hidden = detectArticle(page('display: none'))!;
    expect(landingTarget(hidden, (el) => rendered(el) && el.id !== 'headline').id).toBe('first');
  });
});
