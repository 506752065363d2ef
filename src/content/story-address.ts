/**
 * The story's address: the URL without a fragment that names a place on
 * the page (a skip link, a footnote, a live blog's #post-12), which is the
 * same story; a fragment route (#/world/..., #!...) is a new one.
 */
export function storyAddress(location: Pick<Location, 'href' | 'hash'>): string {
  const { href, hash } = location;
  if (hash.startsWith('#/') || hash.startsWith('#!')) return href;
  // Not href minus hash: a bare "#" (a "back to top" link) has an empty hash but is still in href.
  const fragment = href.indexOf('#');
  return fragment < 0 ? href : href.slice(0, fragment);
}
