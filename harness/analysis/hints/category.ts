import type { ColumnProfile } from '../../core/data-profile';
import type { AnalysisRow } from '../analysis-input';
import type { FieldView } from './field-view';
import { formatList, formatValue } from './format-values';
import type { HintDetector } from './hint-detector';
import { roundStrength } from './hint-strength';
import { MIN_SPECIFICITY } from './hint-thresholds';
import { inputColumns, isNullish } from './input-columns';
import { canContrast, contrastStrength, describeContrast, measureContrast } from './row-contrast';
import { findStringShape, type ShapeFinding } from './string-shape';

/** How much better a list of values must fit than a string shape to be named instead. */
const SHAPE_MARGIN = 0.02;
/** A string column with more distinct values than this is not treated as categorical (IDs, free text). */
const MAX_CATEGORIES = 50;

/** The best concentration found in one column. */
interface Finding {
  strength: number;
  column: string;
  /** The values the mismatches concentrate on, as shown in the message. */
  values: string[];
  evidence: string;
  /** Whether the values are outside the profile's vocabulary. */
  unseen: boolean;
}

/**
 * `unseen_category` / `category`: the mismatches concentrate on certain values of a categorical input. When
 * the profile has the column's training vocabulary and the mismatching values are outside it, the sides
 * encode unseen categories differently. Otherwise the hint names what the values share — a string shape
 * (padding, case, non-ASCII: normalisation that differs), for any string input — or the values themselves.
 */
export const detectCategory: HintDetector = (view) => {
  if (!canContrast(view)) return undefined;
  let best: Finding | undefined;
  let shape: ShapeFinding | undefined;
  const columns = inputColumns(view.input, ['string', 'boolean']);
  for (const column of columns) {
    const found = column.type === 'string' ? findStringShape(view, column.name, columns.length) : undefined;
    if (found && (!shape || found.strength > shape.strength)) shape = found;
    const profile = view.input.profile.columns.find((c) => c.name === column.name);
    // Booleans read best bare (true), strings quoted (so padding and case show: " Premium").
    const show = column.type === 'boolean' ? (v: string) => v : (v: string) => formatValue(v);
    const finding = unseenValues(view, column.name, profile, show, columns.length) ?? concentratedValues(view, column.name, profile, show, columns.length);
    if (finding && (!best || finding.strength > best.strength)) best = finding;
  }
  // A shape ("padded values") says more than a list of padded values, unless the values fit clearly better.
  if (shape && (!best || shape.strength >= best.strength - SHAPE_MARGIN)) {
    return { kind: 'category', message: shape.message, evidence: shape.evidence, strength: roundStrength(shape.strength), subject: shape.column };
  }
  if (!best) return undefined;
  const values = formatList(best.values);
  return best.unseen
    ? {
        kind: 'unseen_category',
        message: `mismatches only where ${best.column} is outside the training vocabulary (${values}): unseen categories are encoded differently`,
        evidence: best.evidence,
        strength: roundStrength(best.strength),
        subject: best.column,
      }
    : {
        kind: 'category',
        message: `mismatches only where ${best.column} is ${values}: these categories are handled differently`,
        evidence: best.evidence,
        strength: roundStrength(best.strength),
        subject: best.column,
      };
};

type Show = (value: string) => string;

function unseenValues(view: FieldView, column: string, profile: ColumnProfile | undefined, show: Show, hypotheses: number): Finding | undefined {
  const vocabulary = profile?.strings?.vocabulary;
  if (!vocabulary) return undefined;
  const known = new Set(vocabulary.map((v) => v.value));
  const isUnseen = (row: AnalysisRow) => {
    const value = categoryOf(row, column);
    return value === undefined ? undefined : !known.has(value);
  };
  const contrast = measureContrast(view, isUnseen);
  const strength = contrastStrength(contrast, hypotheses);
  if (strength === undefined) return undefined;
  const values = distinct(view.mismatching.filter((row) => isUnseen(row) === true).map((row) => show(categoryOf(row, column)!)));
  return { strength, column, values, evidence: describeContrast(contrast, `have an unseen ${column}`), unseen: true };
}

function concentratedValues(view: FieldView, column: string, profile: ColumnProfile | undefined, show: Show, hypotheses: number): Finding | undefined {
  const counts = new Map<string, { rows: number; mismatching: number }>();
  const tally = (rows: readonly AnalysisRow[], mismatching: boolean) => {
    for (const row of rows) {
      const value = categoryOf(row, column);
      if (value === undefined) continue;
      const entry = counts.get(value) ?? { rows: 0, mismatching: 0 };
      entry.rows++;
      if (mismatching) entry.mismatching++;
      counts.set(value, entry);
    }
  };
  tally(view.mismatching, true);
  tally(view.matching, false);
  if (!isCategorical(counts, profile)) return undefined;
  // The suspect values: where the field goes wrong at least as often as a claimed condition must (MIN_SPECIFICITY).
  const suspects = [...counts].filter(([, c]) => c.mismatching > 0 && c.mismatching / c.rows >= MIN_SPECIFICITY);
  if (suspects.length === 0 || suspects.length === counts.size) return undefined;
  const chosen = new Set(suspects.map(([value]) => value));
  const contrast = measureContrast(view, (row) => {
    const value = categoryOf(row, column);
    return value === undefined ? undefined : chosen.has(value);
  });
  // The suspect values were picked after looking: count every proper subset of the values as a hypothesis.
  const strength = contrastStrength(contrast, hypotheses * (2 ** Math.min(counts.size, 50) - 2));
  if (strength === undefined) return undefined;
  const values = suspects.sort((a, b) => b[1].mismatching - a[1].mismatching).map(([value]) => show(value));
  return { strength, column, values, evidence: describeContrast(contrast, `have ${column} in {${formatList(values)}}`), unseen: false };
}

/** A profiled category or boolean column; without a profile, few distinct values relative to the rows. */
function isCategorical(counts: ReadonlyMap<string, { rows: number }>, profile: ColumnProfile | undefined): boolean {
  if (profile) return profile.kind === 'category' || profile.kind === 'boolean';
  const rows = [...counts.values()].reduce((sum, c) => sum + c.rows, 0);
  return counts.size <= MAX_CATEGORIES && counts.size <= rows / 2;
}

/** The row's value of a categorical column as a string key; `undefined` for null (left to the null hint). */
function categoryOf(row: AnalysisRow, column: string): string | undefined {
  const value = row.inputs[column];
  if (isNullish(value)) return undefined;
  return typeof value === 'string' ? value : String(value);
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
