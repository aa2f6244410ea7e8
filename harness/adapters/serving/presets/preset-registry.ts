import type { FeastSettings } from './feast';
import { feastPreset } from './feast';
import type { KserveSettings } from './kserve-v2';
import { kservePreset } from './kserve-v2';
import type { MlflowSettings } from './mlflow';
import { mlflowPreset } from './mlflow';
import type { PresetName, ResolvedPreset } from './preset-types';
import type { TfServingSettings } from './tf-serving';
import { tfServingPreset } from './tf-serving';

/** The settings sections of the presets, as they sit in `serving`. */
export interface PresetSettings {
  kserve?: KserveSettings;
  tfServing?: TfServingSettings;
  mlflow?: MlflowSettings;
  feast?: FeastSettings;
}

/** The `serving` key holding each preset's settings (`json` has none). */
export const PRESET_SETTINGS_KEY: Readonly<Record<Exclude<PresetName, 'json'>, keyof PresetSettings>> = {
  'kserve-v2': 'kserve',
  'tf-serving': 'tfServing',
  mlflow: 'mlflow',
  feast: 'feast',
};

/** What a preset is resolved with besides its settings. */
export interface PresetContext {
  /** `serving.url` after substitution: the server's base URL, or the whole endpoint. */
  url: string;
  /** `serving.request.columns`, or null for every input column. */
  columns: readonly string[] | null;
  /** The source key columns: left out of model inputs unless `columns` lists them; Feast's default entities. */
  keys: readonly string[];
}

/**
 * Resolves a preset by name. Settings are validated by the config schema; the caller has checked that the preset's
 * required section is present (`serving.kserve.model`, …), so this does not fail on config.
 */
export function resolvePreset(name: Exclude<PresetName, 'json'>, settings: PresetSettings, context: PresetContext): ResolvedPreset {
  switch (name) {
    case 'kserve-v2':
      return kservePreset(context.url, settings.kserve!, { columns: context.columns, keys: context.keys });
    case 'tf-serving':
      return tfServingPreset(context.url, settings.tfServing!, { columns: context.columns, keys: context.keys });
    case 'mlflow':
      return mlflowPreset(context.url, settings.mlflow ?? {}, { columns: context.columns, keys: context.keys });
    case 'feast':
      return feastPreset(context.url, { ...settings.feast, entities: settings.feast?.entities ?? [...context.keys] });
  }
}
