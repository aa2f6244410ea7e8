export type {
  UserConfig,
  TargetConfig,
  DeepPartial,
  SourceConfig,
  SampleConfig,
  OfflineConfig,
  ModuleOfflineConfig,
  CommandOfflineConfig,
  ColumnsOfflineConfig,
  ServingConfig,
  StartConfig,
  BudgetConfig,
  ReportConfig,
  ReporterName,
  ReporterChoice,
  FailuresConfig,
  GoldenConfig,
} from './user-config';
export type { ImpactConfig } from './impact-config';
export type { ChecksConfig, DeterminismConfig, GeneratedParityConfig, InputContractConfig } from './checks-config';
export type { ResolvedConfig, ResolvedOffline, ResolvedReporter, ResolvedImpact } from './resolved-config';
export type { LogsConfig, LogFieldsConfig, LogsDriftConfig } from './logs-config';
export type { ResolvedLogs } from './resolve-logs';
export type { ResolveConfigOptions } from './resolve-config';
export type { LoadConfigOptions } from './load-config';
export { defineConfig } from './define-config';
export { resolveConfig } from './resolve-config';
export { loadConfig, loadConfigSync, findConfigFile, importConfigFile, CONFIG_FILE_NAMES } from './load-config';
export { createRedactor } from './redactor';
