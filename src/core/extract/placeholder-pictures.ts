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
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    const src = img.getAttribute('src') ?? '';
    const m = /([?&]dpr=)(\d*\.?\d+)(?=&|#|$)/i.exec(src);
    // A signed address (imgix's "s=") breaks when any of its query changes.
    if (!m || Number(m[2]) >= MAX_PLACEHOLDER_DENSITY || /[?&](?:s|sig|signature)=/i.test(src)) continue;
    img.setAttribute('src', `${src.slice(0, m.index)}${m[1]}1${src.slice(m.index + m[0].length)}`);
  }
}

/** Shorter than this, an id could be part of any address by chance. */
const MIN_PICTURE_ID_CHARS = 8;

/**
 * A placeholder that no lazy attribute names the picture of (a blank
 * data: image), where an id attribute of its data is a whole part of the
 * shared picture's address (og:image's "/upload/<id>.jpg"): the reader
 * shows that picture. Only where one placeholder on the page names it.
 */
export function namedPlaceholders(body: Element, shared: string): void {
  let parts: Set<string>;
  try {
    parts = new Set(new URL(shared).pathname.split(/[/.,]/).filter(Boolean));
  } catch {
    return;
  }
  const naming = Array.from(body.getElementsByTagName('img')).filter(
    (img) =>
      /^data:/i.test(img.getAttribute('src') ?? '') &&
      !img.getAttribute('srcset') &&
      Array.from(img.attributes).some((attr) => /^data-(?:[\w-]+-)?id$/i.test(attr.name) && attr.value.length >= MIN_PICTURE_ID_CHARS && parts.has(attr.value)),
  );
  if (naming.length === 1) naming[0]!.setAttribute('src', shared);
}
