/**
 * A blurred placeholder a few pixels wide that the page's script would swap
 * for the full picture, where the picture is the one the page shares.
 */

/** A width this small asked of a site's image resizer ("&w=20") is a blurred placeholder that the page's script swaps. */
const MAX_PLACEHOLDER_WIDTH = 40;
/** The query parameters in which image resizers take a size. */
const SIZE_PARAMS = ['w', 'width', 'h', 'height'];

/**
 * The picture an address names, whatever size it asks for (its host, path
 * and query without the size parameters), and the width it asks for.
 */
function pictureAt(address: string, base: string): { picture: string; width: number } | null {
  try {
    const url = new URL(address, base);
    const width = Number(url.searchParams.get('w') ?? url.searchParams.get('width') ?? NaN);
    for (const name of SIZE_PARAMS) url.searchParams.delete(name);
    url.searchParams.sort();
    return { picture: `${url.host}${url.pathname}?${url.searchParams.toString()}`, width };
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
  const base = body.ownerDocument.baseURI;
  const sharedPicture = pictureAt(shared, base)?.picture;
  if (!sharedPicture) return;
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    const at = pictureAt(img.getAttribute('src') ?? '', base);
    if (at && at.width > 0 && at.width <= MAX_PLACEHOLDER_WIDTH && at.picture === sharedPicture) {
      img.setAttribute('src', shared);
      // The placeholder's own size and sources would show the sharp picture as small, or load the blur again.
      for (const attr of ['width', 'height', 'srcset', 'sizes']) img.removeAttribute(attr);
    }
  }
}

/** A pixel density this low asked of an image resizer ("&dpr=0.05") is a placeholder's: a few pixels, blurred. */
const MAX_PLACEHOLDER_DENSITY = 0.5;

/**
 * Pictures asked of a resizer at a placeholder's density, which the page's
 * script would ask again at the screen's: the reader asks at 1, the size
 * the page lays them out at.
 */
export function sharpenLowDensity(body: Element): void {
  const base = body.ownerDocument.baseURI;
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    const src = img.getAttribute('src') ?? '';
    if (!/[?&]dpr=/i.test(src)) continue;
    try {
      const url = new URL(src, base);
      const density = Number(url.searchParams.get('dpr'));
      if (!(density > 0 && density < MAX_PLACEHOLDER_DENSITY)) continue;
      url.searchParams.set('dpr', '1');
      img.setAttribute('src', url.href);
    } catch {
      // An address that cannot be read stays as the page wrote it.
    }
  }
}

/** Shorter than this, an attribute's value could be found in any address by chance. */
const MIN_PICTURE_ID_CHARS = 8;

/**
 * A placeholder that no lazy attribute names the picture of (a blank
 * data: image), where one of its data attributes is the id in the address
 * of the picture the page shares ("data-chomp-id" in og:image's path): the
 * reader shows that picture.
 */
export function namedPlaceholders(body: Element, shared: string): void {
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    if (!/^data:/i.test(img.getAttribute('src') ?? '') || img.getAttribute('srcset')) continue;
    const named = Array.from(img.attributes).some(
      (attr) => attr.name.startsWith('data-') && attr.value.length >= MIN_PICTURE_ID_CHARS && /^[\w-]+$/.test(attr.value) && shared.includes(attr.value),
    );
    if (named) img.setAttribute('src', shared);
  }
}
