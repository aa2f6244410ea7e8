/**
 * skew-harness: train-serve skew testing. The public API, listed by name; everything else is internal.
 *
 * @example
 * ```ts
 * import { defineConfig } from 'skew-harness';
 * export default defineConfig({ source: { path: 'train.csv', key: 'id' }, offline: { module: './features.ts' }, serving: { url: 'http://localhost:8080/features' } });
 * ```
 */
export type {
  UserConfig,
  TargetConfig,
  SourceConfig,
  SampleConfig,
  OfflineConfig,
  ModuleOfflineConfig,
  CommandOfflineConfig,
  ColumnsOfflineConfig,
  ServingConfig,
  StartConfig,
  ChecksConfig,
  BudgetConfig,
  ReportConfig,
  ReporterChoice,
  ReporterName,
  ResolvedConfig,
  ResolveConfigOptions,
  LoadConfigOptions,
} from './config';
export type { Row, FeatureVector, SourceRow, SideResult, ColumnInfo, ColumnType, Side } from './core/row';
export type { Mismatch, MismatchKind } from './core/mismatch';
export type { FieldPolicy, FieldPolicyOptions } from './core/field-policy';
export type { CompareOptions, ComparePolicy } from './core/compare-policy';
export type { FieldOutcome } from './core/diff';
export type { FieldStats } from './core/field-stats';
export type { CheckResult, CheckStatus, RowError } from './core/check-result';
export type { Verdict, VerdictStatus, VerdictReason } from './core/verdict';
export type { SkewReport } from './core/report';
export type { Reporter } from './reporters/reporter';
export type { FeatureAdapter, AdapterRow } from './adapters/feature-adapter';
export type { RunSkewOptions } from './runner/run-skew';

export { defineConfig, loadConfig, resolveConfig } from './config';
export { createComparePolicy } from './core/compare-policy';
export { diffFeatures } from './core/diff';
export { decideVerdict, EXIT_CODES } from './core/verdict';
export { runSkew } from './runner/run-skew';
export { SkewError, ConfigError, SourceError, OfflineError, ServingError, ServingStartError, UsageError } from './errors';
