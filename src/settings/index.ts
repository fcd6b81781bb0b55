/**
 * Typed settings: declared once with their defaults (src/settings/items.ts), read through
 * validation and migrations, stored in a storage area, and observed for changes.
 */
export { SETTING_ITEMS, SETTING_KEYS, siteKey, type SettingKey, type SettingValues } from './items.ts';
export { SCHEMA_VERSION } from './migrations.ts';
export { defaultSettings, parseSettings, type Settings } from './parse.ts';
export {
  createSettingsStore,
  type SettingsPatch,
  type SettingsStore,
  type StorageAreaLike,
  type StorageChange,
  type StorageChangeListener,
} from './store.ts';
export {
  disablingSite,
  isEntityVisible,
  isExcerptVisible,
  isSiteEnabled,
  siteToggle,
  withMember,
  type SourcesById,
} from './visibility.ts';
