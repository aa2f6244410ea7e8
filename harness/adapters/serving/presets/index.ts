/** Serving protocol presets. Listed by name, types first. */
export type { PresetName, ResolvedPreset, ReadyCheck } from './preset-types';
export type { PresetSettings, PresetContext } from './preset-registry';
export type { KserveSettings, KserveDatatype } from './kserve-v2';
export type { TfServingSettings } from './tf-serving';
export type { MlflowSettings } from './mlflow';
export type { FeastSettings } from './feast';
export type { OutputMapping } from './output-mapping';

export { PRESET_NAMES } from './preset-types';
export { KSERVE_DATATYPES } from './kserve-v2';
export { PRESET_SETTINGS_KEY, resolvePreset } from './preset-registry';
