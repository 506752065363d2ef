/**
 * The toolbar button, per tab: its title says whether Lectern found an
 * article, and a small, quiet badge marks the tabs where it did. Nothing
 * blinks or counts: a person glancing at the toolbar should learn one fact.
 */
import browser from 'webextension-polyfill';

/** A muted blue that passes contrast against the white badge text. */
const BADGE_COLOR = '#2a5b8c';

export async function showArticleState(tabId: number, articleFound: boolean): Promise<void> {
  const title = browser.i18n.getMessage(articleFound ? 'actionTitleArticle' : 'actionTitleNoArticle');
  await Promise.all([
    browser.action.setTitle({ tabId, title }),
    browser.action.setBadgeText({ tabId, text: articleFound ? '✓' : '' }),
    articleFound ? browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }) : Promise.resolve(),
  ]).catch(() => undefined); // The tab may have closed meanwhile.
}
