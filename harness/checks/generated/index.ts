/**
 * Generated rows: skew-prone edge values per column (pure data), fast-check arbitraries of rows built from a
 * typical base row with a few columns changed, and one-line descriptions of counterexamples.
 */
export type { ColumnOverride } from './column-override';
export type { EdgeValue } from './edge-value';
export type { EdgeValueOptions } from './edge-values';
export type { Change, GeneratedRow } from './generated-row';
export type { Missing } from './missing';
export type { RowArbitraryOptions } from './row-arbitrary';
export { MISSING } from './missing';
export { edgeValues } from './edge-values';
export { isSameValue } from './edge-value';
export { LONG_STRING_LENGTH } from './string-edges';
export { DEFAULT_CHANGES_PER_ROW, createRowArbitrary } from './row-arbitrary';
export { DEFAULT_BASE_ROWS, chooseBaseRows } from './choose-base-rows';
export { describeChanges, formatGeneratedValue } from './describe-change';
