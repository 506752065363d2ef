/** Lectern's preferences: schema, validation, migration, storage, export. */
export {
  DEFAULT_PREFS,
  FIELD_NAMES,
  FIELDS,
  MAX_SITES,
  PREFS_VERSION,
  SITE_SETTING_NAMES,
  type BooleanSpec,
  type EnumSpec,
  type FieldName,
  type FieldSpec,
  type NumberSpec,
  type PrefGroup,
  type Prefs,
  type ScalarPrefs,
  type SiteMap,
  type SiteSettingName,
  type SiteSettings,
} from './schema';
export { normalizeHostname } from './hostname';
export { checkPrefs, validateField, validatePrefs, type ValidationReport } from './validate';
export { MIGRATIONS, migrate, type Migration, type MigrationResult } from './migrate';
export { nonDefaultValues, samePrefs } from './diff';
export { applyPatch, type PrefsPatch } from './patch';
export { settingsForSite, updateSite, type EffectiveSiteSettings, type SitePatch } from './sites';
export { isPrefsChange, type AreaName, type StorageChange } from './layout';
export { resolvePrefs, type ResolvedPrefs } from './resolve';
export {
  createPrefsStore,
  isQuotaError,
  PrefsSaveError,
  type PrefsStore,
  type PrefsStoreOptions,
  type StorageArea,
  type StorageAreas,
  type StorageStatus,
  type SyncProblem,
} from './store';
export { EXPORT_FORMAT, exportPrefs, importPrefs, MAX_IMPORT_LENGTH, type ImportError, type ImportResult } from './transfer';
