import type { FieldSegments, SegmentSplit } from '../../core/field-segments';
import type { ColumnInfo } from '../../core/row';
import type { AnalysisInput, AnalysisRow } from '../analysis-input';
import { buildSegmenters } from './build-segmenters';
import type { Segmenter } from './segmenter';
import { MAX_ROWS, MAX_SPLITS } from './segment-thresholds';
import { informationGain, separates } from './split-score';

/** The rows segments are counted on, and the ways of grouping them; built once per analysis input. */
interface Prepared {
  rows: readonly AnalysisRow[];
  segmenters: readonly Segmenter[];
}

// Every field of a check shares one input: group its rows once (pure: a cache of a function of the input).
const prepared = new WeakMap<AnalysisInput, Prepared>();

/**
 * Where one field's mismatches concentrate: its mismatch rate by the values of the input columns that best
 * separate mismatching from matching rows, at most {@link MAX_SPLITS} columns, best first (see `split-score.ts`
 * for the score and the bar a column must clear, `build-segmenters.ts` for the segments). The field's rows are
 * the compared rows where it is present on a side, as in its statistics; beyond {@link MAX_ROWS} rows, every
 * k-th row is counted. Pure and deterministic.
 *
 * @example
 * segmentsForField('hour_local', input);
 * // → { rows: 3000, mismatched: 510, splits: [{ column: 'customer_tz', basis: 'category', gain: 0.41,
 * //      segments: [{ label: 'Europe/Berlin', rows: 951, mismatched: 510, rate: 0.536 }, { label: 'UTC', … }] }] }
 */
export function segmentsForField(field: string, input: AnalysisInput): FieldSegments {
  const { rows, segmenters } = prepare(input);
  const indices: number[] = [];
  rows.forEach((row, i) => {
    if (row.mismatched.has(field) || hasOwn(row.offline, field) || hasOwn(row.online, field)) indices.push(i);
  });
  const mismatchedRows = indices.filter((i) => rows[i]!.mismatched.has(field)).length;
  const compared = input.rows.filter((row) => row.mismatched.has(field) || hasOwn(row.offline, field) || hasOwn(row.online, field)).length;
  const splits: SegmentSplit[] = [];
  for (const s of segmenters) {
    const counts = { rows: s.labels.map(() => 0), mismatched: s.labels.map(() => 0) };
    for (const i of indices) {
      const segment = s.segmentOf[i]!;
      counts.rows[segment]!++;
      if (rows[i]!.mismatched.has(field)) counts.mismatched[segment]!++;
    }
    const gain = informationGain(counts);
    if (!separates(counts, gain)) continue;
    splits.push({
      column: s.column,
      basis: s.basis,
      gain: Math.round(gain * 10_000) / 10_000,
      segments: s.labels
        .map((label, k) => ({ label, rows: counts.rows[k]!, mismatched: counts.mismatched[k]!, rate: counts.rows[k] === 0 ? 0 : counts.mismatched[k]! / counts.rows[k]! }))
        .filter((segment) => segment.rows > 0),
    });
  }
  // Stable sort: equal gains keep column order.
  splits.sort((a, b) => b.gain - a.gain);
  return {
    rows: indices.length,
    mismatched: mismatchedRows,
    ...(compared > indices.length ? { sampledFrom: compared } : {}),
    splits: splits.slice(0, MAX_SPLITS),
  };
}

function prepare(input: AnalysisInput): Prepared {
  let found = prepared.get(input);
  if (!found) {
    const rows = thin(input.rows, MAX_ROWS);
    found = { rows, segmenters: buildSegmenters(rows.map((r) => r.inputs), segmentColumns(input)) };
    prepared.set(input, found);
  }
  return found;
}

/**
 * The columns a field can be segmented by: the input columns, and date key columns (a timestamp key is sent to
 * serving like an input, and its month or hour can matter). Without a column list, every column the rows hold.
 */
function segmentColumns(input: AnalysisInput): ColumnInfo[] {
  if (input.columns.length > 0) return input.columns.filter((c) => c.role === 'input' || (c.role === 'key' && c.type === 'date'));
  const names = new Set(input.rows.flatMap((row) => Object.keys(row.inputs)));
  return [...names].map((name) => ({ name, type: 'json', typeSource: 'inferred', role: 'input' }));
}

/** At most `max` rows, evenly spread over the list (every k-th), in order. */
function thin<T>(rows: readonly T[], max: number): readonly T[] {
  if (rows.length <= max) return rows;
  return Array.from({ length: max }, (_, k) => rows[Math.floor((k * rows.length) / max)]!);
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
