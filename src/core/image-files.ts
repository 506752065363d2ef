/**
 * How a picture's file is named on the web, for the rules that must tell a
 * picture's address or file name from other words: an alt that is only a
 * file's name, a lightbox link to the picture itself, a lazy loader's
 * attribute that holds the picture's address.
 */

/** The file types pictures come in. */
const PICTURE_TYPES = 'jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic';

/** A whole value that is a picture's file name or address, up to its query or fragment: "IMG_0412.JPG", "/photos/a.webp?w=800". */
export const PICTURE_FILE = new RegExp(`\\.(?:${PICTURE_TYPES})(?:[?#].*)?$`, 'i');

/** A picture's address anywhere in a value, a srcset's list of candidates included ("a.jpg 1x, b.jpg 2x"). */
export const PICTURE_FILE_WITHIN = new RegExp(`\\.(?:${PICTURE_TYPES})(?:[?#,]|\\s|$)`, 'i');

/**
 * The file an address names, decoded and in lower case, without its query
 * or fragment: "/uploads/Bridge-at%20Dawn.JPG?w=800" is "bridge-at dawn.jpg".
 */
export function fileNameOf(address: string): string {
  const file = decoded(address.trim().split(/[\s?#]/)[0]!.split('/').pop() ?? '');
  if (PICTURE_FILE.test(file)) return file;
  // A resizing script's address names the picture in its query: "/image.php?src=/images/post16615.jpg&w=1280".
  const named = PICTURE_IN_QUERY.exec(address)?.[1];
  const picture = named ? decoded(named).split(/[?#]/)[0]! : '';
  return PICTURE_FILE.test(picture) ? (picture.split('/').pop() ?? file) : file;
}

/** A query parameter that holds a picture's address. */
const PICTURE_IN_QUERY = /[?&](?:src|url|image|img|file)=([^&#\s]+)/i;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text).toLowerCase();
  } catch {
    return text.toLowerCase(); // A stray % in the name: read as it is.
  }
}

/**
 * The file an address names, without the size a publishing system adds to
 * each resized copy: "Bridge-680x365_c.jpg" is "bridge.jpg", the original's
 * name, as the page's og:image often gives it.
 */
export function originalFileNameOf(address: string): string {
  return fileNameOf(address).replace(/-\d{2,5}x\d{2,5}(?:_[a-z])?(?=\.[a-z0-9]+$)/, '');
}
