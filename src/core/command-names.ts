/** The names of the commands in manifest.json: the background runs them, the popup shows the reader's shortcut. */
export const COMMAND = { jumpToArticle: 'jump-to-article', toggleReader: 'toggle-reader' } as const;
