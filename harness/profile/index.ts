/**
 * The data profile — what sampled rows say about each column — and the input contract learned from it (what valid
 * input looks like). Pure: no IO, no fast-check.
 */
export type { ColumnProfile, DataProfile, DateProfile, NumericProfile, StringProfile } from '../core/data-profile';
export type { ColumnContract, ContractClause, ContractViolation, InputContract, ValueFormat } from '../core/input-contract';
export type { DateFormat, DateText } from './date-text';
export type { QuantileKey } from './numeric-profile';
export type { CaseShape } from './string-profile';
export type { NumericTextPart } from './numbers-as-text';
export { profileRows } from './profile-rows';
export { QUANTILES, decimalPlaces, quantile } from './numeric-profile';
export { MAX_CATEGORIES, isCategoryColumn } from './category-detection';
export { parseDateText, parseOffsetMinutes } from './date-text';
export { caseShapeOf, isPadded } from './string-profile';
export { learnInputContract } from './learn-contract';
export { columnViolations, describeViolation, rowViolations, satisfiesContract } from './contract-violations';
export { isNumericText } from './numeric-text';
export { numberInText, takesNumbersAsText, writeNumberAsText } from './numbers-as-text';
