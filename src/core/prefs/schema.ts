/**
 * The one schema of Lectern's preferences: every field with its kind, its
 * allowed values or range, and its default. Validation, the stored diff,
 * export and the popup's form all read this object, so a new preference is
 * added here and nowhere else.
 */

export interface EnumSpec<V extends string = string> {
  readonly kind: 'enum';
  readonly values: readonly V[];
  readonly default: V;
  readonly group: PrefGroup;
}

export interface NumberSpec {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  /** Stored values are snapped to min + k * step, so sliders and files agree. */
  readonly step: number;
  readonly default: number;
  /** The CSS unit the value is meant in ('%' for captionSize). */
  readonly unit: 'px' | 'em' | 'ch' | '%' | '';
  readonly group: PrefGroup;
}

export interface BooleanSpec {
  readonly kind: 'boolean';
  readonly default: boolean;
  readonly group: PrefGroup;
}

export type FieldSpec = EnumSpec | NumberSpec | BooleanSpec;

/** How the popup and the options page group the controls. */
export type PrefGroup = 'appearance' | 'spacing' | 'images' | 'page';

function enumOf<const V extends string>(values: readonly V[], fallback: NoInfer<V>, group: PrefGroup): EnumSpec<V> {
  return { kind: 'enum', values, default: fallback, group };
}

function numberOf(spec: Omit<NumberSpec, 'kind'>): NumberSpec {
  return { kind: 'number', ...spec };
}

function booleanOf(fallback: boolean, group: PrefGroup): BooleanSpec {
  return { kind: 'boolean', default: fallback, group };
}

export const FIELDS = {
  theme: enumOf(['system', 'light', 'sepia', 'dark', 'contrast'], 'system', 'appearance'),
  // Sans-serif by default: it holds up best on screens at small sizes; the
  // serif, Atkinson Hyperlegible and OpenDyslexic are one choice away.
  font: enumOf(['serif', 'sans', 'atkinson', 'opendyslexic'], 'sans', 'appearance'),
  fontSize: numberOf({ min: 12, max: 72, step: 1, default: 20, unit: 'px', group: 'appearance' }),
  // WCAG 1.4.12 (text spacing) asks that each of these reach at least:
  // line height 1.5, letter 0.12em, word 0.16em, paragraph 2em. The
  // ranges include them (a test checks this).
  lineHeight: numberOf({ min: 1.2, max: 2.4, step: 0.1, default: 1.6, unit: '', group: 'spacing' }),
  contentWidth: numberOf({ min: 40, max: 100, step: 1, default: 68, unit: 'ch', group: 'spacing' }),
  letterSpacing: numberOf({ min: 0, max: 0.2, step: 0.01, default: 0, unit: 'em', group: 'spacing' }),
  wordSpacing: numberOf({ min: 0, max: 0.32, step: 0.01, default: 0, unit: 'em', group: 'spacing' }),
  paragraphSpacing: numberOf({ min: 0, max: 3, step: 0.1, default: 1, unit: 'em', group: 'spacing' }),
  showImages: booleanOf(true, 'images'),
  /** Expand captions the site truncates or hides (part 2). */
  captions: booleanOf(true, 'images'),
  /** Show meaningful alt text as a visible caption (part 2). */
  showAltText: booleanOf(true, 'images'),
  captionSize: numberOf({ min: 100, max: 200, step: 5, default: 100, unit: '%', group: 'images' }),
  skipLink: booleanOf(true, 'page'),
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;

type ValueOf<S> = S extends EnumSpec<infer V> ? V : S extends NumberSpec ? number : S extends BooleanSpec ? boolean : never;

/** Every preference except the per-site map. */
export type ScalarPrefs = { readonly [K in FieldName]: ValueOf<(typeof FIELDS)[K]> };

/**
 * Per-site overrides. A missing field follows the global preference
 * (alwaysReader and disabled are per-site only and default to false).
 */
export interface SiteSettings {
  readonly skipLink?: boolean;
  readonly captions?: boolean;
  readonly alwaysReader?: boolean;
  readonly disabled?: boolean;
}

export type SiteSettingName = keyof SiteSettings;

export const SITE_SETTING_NAMES: readonly SiteSettingName[] = ['skipLink', 'captions', 'alwaysReader', 'disabled'];

/**
 * At most this many sites are remembered. It bounds the stored size
 * (storage.sync allows 100 KB in all) and the work of validating it.
 */
export const MAX_SITES = 500;

/** Hostname (see normalizeHostname) to that site's overrides, in the order last changed. */
export type SiteMap = Readonly<Record<string, SiteSettings>>;

export interface Prefs extends ScalarPrefs {
  readonly sites: SiteMap;
}

export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** The version of the stored shape; bump it together with a migration in migrate.ts. */
export const PREFS_VERSION = 1;

export const DEFAULT_PREFS: Prefs = deepFreeze({
  ...(Object.fromEntries(FIELD_NAMES.map((name) => [name, FIELDS[name].default])) as unknown as ScalarPrefs),
  sites: Object.create(null) as SiteMap,
});

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (typeof inner === 'object' && inner !== null) deepFreeze(inner as object);
  }
  return Object.freeze(value);
}
