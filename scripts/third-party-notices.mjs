// The notices and licence texts of what Lectern's packages bundle (its runtime dependencies), written
// into each browser's package: their licences ask that they travel with the code and fonts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What each runtime dependency puts into the package, and what Lectern changed in it. */
const BUNDLED = {
  '@mozilla/readability': {
    licenceFiles: ['LICENSE.md'],
    what: "Readability.js, in the reader's extraction script.",
    changes:
      'Modified: two statements that assign a string to innerHTML parse it through DOMParser into an inert ' +
      'document instead (scripts/inert-vendor-html.ts in the source makes exactly these changes).',
  },
  dompurify: {
    licenceFiles: ['LICENSE'],
    what: "DOMPurify, (c) Cure53 and other contributors, in the reader's extraction script; used under Apache-2.0.",
    changes:
      'Modified: one statement of its fallback for XML namespaces, which assigns a string to innerHTML, ' +
      'returns nothing instead (scripts/inert-vendor-html.ts in the source makes exactly this change).',
  },
  'webextension-polyfill': {
    licenceFiles: ['LICENSE'],
    what: 'browser-polyfill, in the background, the popup and the options page. Unmodified.',
    changes: '',
  },
  '@fontsource/atkinson-hyperlegible': {
    licenceFiles: ['LICENSE'],
    what: 'The Atkinson Hyperlegible font files (woff2, woff) in assets/. Unmodified.',
    changes: '',
  },
  '@fontsource/opendyslexic': {
    licenceFiles: ['LICENSE'],
    what: 'The OpenDyslexic font files (woff2, woff) in assets/. Unmodified.',
    changes: '',
  },
};

/** The notices file's text, from the installed packages under `nodeModules`. */
export function thirdPartyNotices(nodeModules = 'node_modules') {
  const sections = Object.entries(BUNDLED).map(([name, { licenceFiles, what, changes }]) => {
    const pkg = JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8'));
    const texts = licenceFiles.map((file) => readFileSync(join(nodeModules, name, file), 'utf8').trim());
    return [`${name} ${pkg.version}, licence: ${pkg.license}`, what, changes, '', ...texts].filter((line, i) => i !== 2 || line).join('\n');
  });
  const rule = `\n\n${'='.repeat(78)}\n\n`;
  return `Lectern bundles the following third-party code and fonts, each under its own licence.${rule}${sections.join(rule)}\n`;
}

/** The runtime dependencies the notices cover, for the check that none is missing. */
export const NOTICED_PACKAGES = Object.keys(BUNDLED);
