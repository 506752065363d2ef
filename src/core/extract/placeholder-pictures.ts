/**
 * A blurred placeholder a few pixels wide that the page's script would swap
 * for the full picture, where the picture is the one the page shares.
 */

/** A width this small asked of a site's image resizer ("&w=20") is a blurred placeholder that the page's script swaps. */
const MAX_PLACEHOLDER_WIDTH = 40;
/** The query parameters in which image resizers take a size. */
const SIZE_PARAMS = ['w', 'width', 'h', 'height'];

/** The address without its size parameters and its scheme: the picture, whatever size it is asked at. */
function pictureAt(address: string, base: string): string | null {
  try {
    const url = new URL(address, base);
    for (const name of SIZE_PARAMS) url.searchParams.delete(name);
    url.searchParams.sort();
    return `${url.host}${url.pathname}?${url.searchParams.toString()}`;
  } catch {
    return null;
  }
}

/**
 * A placeholder a few pixels wide, whose full size the page's script would
 * ask for, is the picture the page shares (og:image) at another size: the
 * reader shows that one.
 */
export function sharpenPlaceholders(body: Element, shared: string): void {
  const doc = body.ownerDocument;
  const sharedPicture = pictureAt(shared, doc.baseURI);
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    const src = img.getAttribute('src') ?? '';
    let width = NaN;
    try {
      const url = new URL(src, doc.baseURI);
      width = Number(url.searchParams.get('w') ?? url.searchParams.get('width') ?? NaN);
    } catch {
      continue;
    }
    if (width > 0 && width <= MAX_PLACEHOLDER_WIDTH && sharedPicture && pictureAt(src, doc.baseURI) === sharedPicture) {
      img.setAttribute('src', shared);
      // The placeholder's own size and sources would show the sharp picture as small, or load the blur again.
      for (const attr of ['width', 'height', 'srcset', 'sizes']) img.removeAttribute(attr);
    }
  }
}
