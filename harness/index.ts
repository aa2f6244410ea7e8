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
  InputContractConfig,
  BudgetConfig,
  ReportConfig,
  ImpactConfig,
  ReporterChoice,
  ReporterName,
  ResolvedConfig,
  ResolveConfigOptions,
  LoadConfigOptions,
  LogsConfig,
  LogFieldsConfig,
  LogsDriftConfig,
} from './config';
export type { Row, FeatureVector, SourceRow, SideResult, ColumnInfo, ColumnType, Side } from './core/row';
export type { Mismatch, MismatchKind } from './core/mismatch';
export type { FieldPolicy, FieldPolicyOptions } from './core/field-policy';
export type { CompareOptions, ComparePolicy, ComparePolicyContext } from './core/compare-policy';
export type { FieldOutcome } from './core/diff';
export type { FieldStats } from './core/field-stats';
export type { CheckResult, CheckStatus, RowError } from './core/check-result';
export type { Verdict, VerdictStatus, VerdictReason } from './core/verdict';
export type { SkewReport } from './core/report';
export type { Reporter } from './reporters/reporter';
export type { FeatureAdapter, AdapterRow } from './adapters/feature-adapter';
export type { RunSkewOptions } from './runner/run-skew';
export type { SkewSession, SkewSessionOptions } from './runner/skew-session';
export type { CheckName } from './checks/check-names';
export type { Counterexample, GoldenDetails } from './core/check-result';
export type { FieldAnalysis, Hint, HintKind } from './core/field-analysis';
export type { Trend } from './core/trend';
export type { FieldImpact, ImpactDetails, RowImpact } from './core/prediction-impact';
export type { DataProfile } from './core/data-profile';
export type { ColumnContract, ColumnContractOptions, ContractClause, InputContract, ValueFormat } from './core/input-contract';
export type { InputContractDetails, ProbeKind, ProbeOutcome, ProbeReaction, SideReaction } from './core/contract-probe';
export type { CheckWarning } from './core/check-result';
export type { VerdictWarning } from './core/verdict';
export type { GoldenMode } from './golden/update-golden';
export type { RunLogsOptions } from './runner/logs/run-logs';
export type { LogsInfo } from './core/report';
export type { ShiftDetails } from './core/check-result';

export { defineConfig, loadConfig, resolveConfig } from './config';
export { createComparePolicy } from './core/compare-policy';
export { diffFeatures } from './core/diff';
export { decideVerdict, EXIT_CODES } from './core/verdict';
export { runSkew, selectChecks } from './runner/run-skew';
export { runLogs } from './runner/logs/run-logs';
export { openSkewSession } from './runner/skew-session';
export { buildReport } from './runner/build-report';
export { CHECK_NAMES } from './checks/check-names';
export { computeTrend } from './core/trend';
export { readReport } from './reporters/read-report';
export { formatMarkdownReport } from './reporters/format-markdown';
export { formatJunitReport } from './reporters/format-junit';
export { renderHtmlReport } from './reporters/html';
export { SkewError, ConfigError, SourceError, OfflineError, ServingError, ServingStartError, ServingExitedError, UsageError, GoldenError } from './errors';
