/**
 * Hostnames are the keys of the per-site map, so they are checked before
 * they are used as keys: a stored or imported file cannot smuggle in
 * `__proto__`, a megabyte of text, or a key that breaks the map's order.
 */

const MAX_HOSTNAME_LENGTH = 253;
// Letters and digits, with '-' and '_' (seen in real subdomains) inside
// only, which also rules out "__proto__"; 63 characters at most, as DNS
// requires.
const LABEL = /^[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?$/;
// What URL.hostname gives for an IPv6 host, such as "[::1]".
const IPV6 = /^\[[0-9a-f:.]{2,45}\]$/;

/**
 * Returns the canonical form of a hostname as `new URL(url).hostname` gives
 * it (lowercase ASCII, punycode for international names), or null when the
 * value is not one.
 */
export function normalizeHostname(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_HOSTNAME_LENGTH + 1) return null;
  const host = value.toLowerCase().replace(/\.$/, '');
  if (host.length === 0 || host.length > MAX_HOSTNAME_LENGTH) return null;
  if (IPV6.test(host)) return host;
  // An all-digit name is never a hostname (URL turns "127" into 0.0.0.127),
  // and as an object key it would be reordered before the others.
  if (/^\d+$/.test(host)) return null;
  return host.split('.').every((label) => LABEL.test(label)) ? host : null;
}
