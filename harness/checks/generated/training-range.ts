import { formatCountOf } from '../../core/plural';
import type { ColumnProfile, DataProfile } from '../../core/data-profile';
import type { Row } from '../../core/row';
import { parseDateText } from '../../profile/date-text';
import { numberInText } from '../../profile/numbers-as-text';
import { stringifyJsonValue } from '../../core/stringify-json';
import type { CheckWarning } from '../../core/check-result';
import { ROW_FIELD, type RowEvaluation } from './evaluate-rows';

/** The values of a generated row that training never showed for their columns. */
export interface UnseenValue {
  /** The columns, comma-separated. */
  column: string;
  /** `minutes_quota = -1 (training: 0 … 5000)`, one per value, comma-separated, for messages. */
  description: string;
}

/**
 * Finds, in a generated row, the input values outside what the training sample shows for their columns: a number below
 * the column's minimum or above its maximum, a date outside its range, a category outside its vocabulary, a text
 * value no base row has. Null and a left-out column never count (the contract only allows them where training has
 * them), nor do booleans.
 *
 * Why it matters: a row only one side rejects is a disagreement on valid input — but on a value training never had
 * (a negative quota where every training row is positive, a plan nobody has), a serving endpoint that validates
 * (pydantic's `ge=0`, an enum) and a pipeline that does not are two defensible reactions to input the model was never
 * trained on, not skew in its features. Features that *differ* on such rows are skew, and still fail.
 *
 * @param baseRows the sampled rows generated rows are made from: their text values count as seen.
 */
export function unseenValueFinder(profile: DataProfile, baseRows: readonly Row[]): (row: Row) => UnseenValue | null {
  const inputs = profile.columns.filter((c) => c.role === 'input');
  const seenText = new Map<string, Set<string>>();
  for (const column of inputs) {
    if (column.kind !== 'string' && column.kind !== 'category') continue;
    const seen = new Set<string>(column.strings?.vocabulary?.map((v) => v.value) ?? []);
    for (const row of baseRows) {
      const value = row[column.name];
      if (typeof value === 'string') seen.add(value);
    }
    seenText.set(column.name, seen);
  }
  return (row) => {
    const unseen: UnseenValue[] = [];
    for (const column of inputs) {
      if (!Object.prototype.hasOwnProperty.call(row, column.name)) continue;
      const value = row[column.name];
      if (value === null || value === undefined || isSeenLike(column, value, seenText.get(column.name))) continue;
      unseen.push({ column: column.name, description: `${column.name} = ${stringifyJsonValue(value)} (${trainingShows(column)})` });
    }
    if (unseen.length === 0) return null;
    return { column: unseen.map((u) => u.column).join(', '), description: unseen.map((u) => u.description).join(', ') };
  };
}

function isSeenLike(column: ColumnProfile, value: unknown, seen: Set<string> | undefined): boolean {
  switch (column.kind) {
    case 'integer':
    case 'number': {
      const numeric = column.numeric;
      // A number written as text counts by the number it holds where the column has such text (`"12.50"`).
      const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' && numeric?.text ? numberInText(value) : value;
      return numeric !== null && typeof n === 'number' && n >= numeric.min && n <= numeric.max;
    }
    case 'date': {
      const dates = column.dates;
      if (dates === null || typeof value !== 'string') return false;
      const at = parseDateText(value);
      const min = parseDateText(dates.min);
      const max = parseDateText(dates.max);
      return at !== null && min !== null && max !== null && at.epochMs >= min.epochMs && at.epochMs <= max.epochMs;
    }
    case 'category':
    case 'string':
      return typeof value === 'string' && seen !== undefined && seen.has(value);
    case 'boolean':
      return true;
    case 'json':
      return false;
  }
}

/** What training shows for a column, briefly: `training: 0 … 5000`, `not among its 4 categories`. */
function trainingShows(column: ColumnProfile): string {
  if (column.numeric) return `training: ${column.numeric.min} … ${column.numeric.max}`;
  if (column.dates) return `training: ${column.dates.min} … ${column.dates.max}`;
  const vocabulary = column.strings?.vocabulary;
  if (vocabulary) return `not among its ${formatCountOf(vocabulary.length, 'training value')}`;
  return 'not in the training rows';
}

/**
 * Takes a `(row)` disagreement on a row holding a value training never had out of the failures: the evaluation keeps
 * the value in {@link RowEvaluation.unseen} for the warning instead. Other evaluations are returned unchanged.
 */
export function setAsideUnseenDisagreement(e: RowEvaluation, unseenIn: (row: Row) => UnseenValue | null): RowEvaluation {
  if (!e.failing.has(ROW_FIELD)) return e;
  const unseen = unseenIn(e.row.values);
  if (unseen === null) return e;
  e.failing.delete(ROW_FIELD);
  e.unseen = unseen;
  return e;
}

/** The kind of the warning {@link unseenDisagreementWarnings} gives. */
export const REJECTS_UNSEEN_INPUT = 'one-side-rejects-unseen-input';

/**
 * One warning per rejecting side for the rows set aside by {@link setAsideUnseenDisagreement}: how many, the first
 * row's unseen value, its rejection, and the command replaying it.
 */
export function unseenDisagreementWarnings(evaluations: readonly RowEvaluation[], reproduceOf: (e: RowEvaluation) => string | undefined): CheckWarning[] {
  const set = evaluations.filter((e) => e.unseen !== undefined);
  return (['online', 'offline'] as const).flatMap((rejecting): CheckWarning[] => {
    const rows = set.filter((e) => e[rejecting].kind === 'error');
    const first = rows[0];
    if (first === undefined) return [];
    const [name, other] = rejecting === 'online' ? ['serving', 'the offline pipeline'] : ['the offline pipeline', 'serving'];
    const error = first[rejecting];
    const reproduce = reproduceOf(first);
    return [
      {
        kind: REJECTS_UNSEEN_INPUT,
        message:
          `${name} rejects ${formatCountOf(rows.length, 'generated row')} that ${other} computes, each holding a value training never had ` +
          `(first: ${first.unseen!.description}): the two sides validate input outside the training data differently — not skew in the features`,
        count: rows.length,
        keys: rows.map((e) => e.row.key),
        detail: `${first.row.key}: ${error.kind === 'error' ? error.message : error.kind}; row ${stringifyJsonValue(first.row.values)}`,
        row: first.row.values,
        ...(reproduce ? { reproduce } : {}),
      },
    ];
  });
}
