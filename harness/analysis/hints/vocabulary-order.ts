import type { AnalysisRow } from '../analysis-input';
import type { FieldView } from './field-view';
import { formatList, formatValue } from './format-values';
import type { HintDetector } from './hint-detector';
import { describeContrast, judgeCondition, judgeCoverage } from './hint-evidence';
import { roundStrength } from './hint-strength';
import { inputColumns, isNullish } from './input-columns';
import { measureContrast } from './row-contrast';

/** A column with more categories than this is not read as a vocabulary. */
const MAX_CATEGORIES = 200;
/** Share of rows whose code must agree with their category's usual code, on each side. */
const MIN_CONSISTENCY = 0.98;

/** An order a vocabulary is commonly indexed in. */
const ORDERS: ReadonlyArray<{ name: string; order: (categories: readonly string[], rows: readonly string[]) => string[] }> = [
  { name: 'sorted order', order: (categories) => [...categories].sort() },
  { name: 'first-seen order', order: (_, rows) => [...new Set(rows)] },
  {
    name: 'order of frequency',
    order: (categories, rows) => {
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r, (counts.get(r) ?? 0) + 1);
      return [...categories].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1));
    },
  },
];

/**
 * `vocabulary_order`: the field is a category's index (or a one-hot vector) and both sides use the same codes
 * for the same vocabulary — but in a different order (offline indexes the sorted vocabulary, online the order
 * in which values were first seen). Names the categories that move and, when it recognises them, both orders.
 * A full permutation (every category moves, so every row mismatches) is read too: then no row contrasts, and
 * the evidence is that each category maps to one index on each side and both sides use the same indices.
 */
export const detectVocabularyOrder: HintDetector = (view) => {
  const rows = [...view.mismatching, ...view.matching];
  const columns = inputColumns(view.input, ['string', 'boolean', 'integer']);
  for (const { name } of columns) {
    const found = readPermutation(view, rows, name, columns.length);
    if (found) return found;
  }
  return undefined;
};

function readPermutation(view: FieldView, rows: readonly AnalysisRow[], column: string, hypotheses: number): ReturnType<HintDetector> {
  const offline = codesByCategory(rows, column, view.field, 'offline');
  const online = codesByCategory(rows, column, view.field, 'online');
  if (!offline || !online || offline.size < 2 || offline.size > MAX_CATEGORIES) return undefined;
  const categories = [...offline.keys()].filter((c) => online.has(c));
  if (categories.length !== offline.size || categories.length !== online.size) return undefined;
  const offlineCodes = categories.map((c) => offline.get(c)!);
  const onlineCodes = categories.map((c) => online.get(c)!);
  // The same set of codes on both sides, each used once: a permutation, not a different encoding.
  if (new Set(offlineCodes).size !== categories.length || [...offlineCodes].sort().join() !== [...onlineCodes].sort().join()) return undefined;
  const moved = categories.filter((c) => offline.get(c) !== online.get(c));
  if (moved.length < 2) return undefined;
  const movedSet = new Set(moved);
  const contrast = measureContrast(view, (row) => {
    const value = row.inputs[column];
    return isNullish(value) ? undefined : movedSet.has(String(value));
  });
  // Every category moved: no row is left to contrast with, and the consistent permutation itself is the evidence
  // (each category keeps one code on each side, on 98 % of its rows).
  const judgement = moved.length === categories.length ? judgeCoverage(contrast) : judgeCondition(contrast, hypotheses);
  if (judgement.kind === 'silent') return undefined;
  // In sample order: "first seen" means first in the rows as the source holds them.
  const seen = view.input.rows.map((row) => row.inputs[column]).filter((v) => !isNullish(v)).map(String);
  const orderOf = (codes: ReadonlyMap<string, number>) =>
    ORDERS.find(({ order }) => order(categories, seen).every((c, i) => codes.get(c) === i))?.name ?? 'another order';
  const [offlineOrder, onlineOrder] = [orderOf(offline), orderOf(online)];
  const orders = offlineOrder === onlineOrder ? '' : `: offline follows ${offlineOrder}, online ${onlineOrder}`;
  const kept = categories.filter((c) => !movedSet.has(c));
  const moves = moved.sort((a, b) => offline.get(a)! - offline.get(b)!).map((c) => `${formatValue(c)} ${offline.get(c)} → ${online.get(c)}`);
  const keeps = kept.length > 0 ? `; ${formatList(kept.map((c) => formatValue(c)))} ${kept.length === 1 ? 'keeps its index' : 'keep theirs'}` : '';
  return {
    kind: 'vocabulary_order',
    message: `the index of ${column} is permuted between the sides${orders} (${formatList(moves, 6)}${keeps}): the vocabulary is ordered differently`,
    evidence:
      kept.length > 0
        ? describeContrast(contrast, `have a ${column} whose index moves`)
        : `${contrast.insideMismatching} of ${contrast.total} mismatching rows (${contrast.insideMismatching} of ${contrast.inside} rows with ${column}); ` +
          `every one of ${categories.length} categories moves, each to one index per side, the same ${categories.length} indices on both sides`,
    strength: roundStrength(judgement.strength),
    subject: column,
  };
}

/**
 * Each category's code on one side (an integer index, or the position of the 1 in a one-hot vector), when every
 * category keeps one code on (nearly) every row; `undefined` when the field is no such code.
 */
function codesByCategory(rows: readonly AnalysisRow[], column: string, field: string, side: 'offline' | 'online'): Map<string, number> | undefined {
  const tallies = new Map<string, Map<number, number>>();
  let counted = 0;
  for (const row of rows) {
    const value = row.inputs[column];
    const code = codeOf(row[side][field]);
    if (isNullish(value) || code === undefined) continue;
    const category = String(value);
    const tally = tallies.get(category) ?? new Map<number, number>();
    tally.set(code, (tally.get(code) ?? 0) + 1);
    tallies.set(category, tally);
    counted++;
  }
  if (counted === 0 || counted < MIN_CONSISTENCY * rows.length) return undefined;
  const codes = new Map<string, number>();
  let agreeing = 0;
  for (const [category, tally] of tallies) {
    const [code, n] = [...tally].sort((a, b) => b[1] - a[1])[0]!;
    codes.set(category, code);
    agreeing += n;
  }
  return agreeing >= MIN_CONSISTENCY * counted ? codes : undefined;
}

/** A non-negative integer index, or the index of the single 1 of a one-hot vector. */
function codeOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (!Array.isArray(value) || value.length === 0) return undefined;
  let one = -1;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === 1 && one === -1) one = i;
    else if (value[i] !== 0) return undefined;
  }
  return one === -1 ? undefined : one;
}
