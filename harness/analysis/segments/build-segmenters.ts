import type { ColumnInfo, ColumnType, Row } from '../../core/row';
import { HOURS_PER_SEGMENT, MAX_CATEGORIES, MAX_DISTINCT_NUMBERS, MIN_SEGMENT_ROWS, MIN_SEGMENT_SHARE, QUANTILE_BINS } from './segment-thresholds';
import { NULL_SEGMENT, OTHER_SEGMENT, type Segmenter } from './segmenter';
import { stringifyJsonValue } from '../../core/stringify-json';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// A date as written: its month, and its hour when it has a time of day (read as written, not moved to UTC, so the
// segment is what a reader finds in the file).
const DATE_TEXT = /^\s*\d{4}-(\d{2})-\d{2}(?:[Tt ](\d{2}):\d{2})?/;

/**
 * Every way of grouping `rows` by one input column: top categories of strings and booleans, quantile bins of
 * numbers (values themselves when there are few), month of dates and three-hour ranges of timestamps. Columns
 * whose values all fall in one segment are left out. Pure and deterministic.
 */
export function buildSegmenters(rows: readonly Row[], columns: readonly ColumnInfo[]): Segmenter[] {
  const out: Segmenter[] = [];
  for (const column of columns) {
    const values = rows.map((row) => row[column.name]);
    const type = column.type === 'json' ? guessType(values) : column.type;
    switch (type) {
      case 'string':
      case 'boolean':
        out.push(byCategory(column.name, values, rows.length));
        break;
      case 'integer':
      case 'number':
        out.push(distinctNumbers(values) <= MAX_DISTINCT_NUMBERS ? byNumberValue(column.name, values) : byQuantile(column.name, values));
        break;
      case 'date':
        out.push(byMonth(column.name, values));
        if (hasTimeOfDay(values)) out.push(byHour(column.name, values));
        break;
      case 'json':
        break;
    }
  }
  return out.filter((s) => new Set(s.segmentOf).size >= 2);
}

/** Fewest rows a category needs to be listed by name among `rows`. */
export function minSegmentRows(rows: number): number {
  return Math.max(MIN_SEGMENT_ROWS, Math.ceil(rows * MIN_SEGMENT_SHARE));
}

function byCategory(column: string, values: readonly unknown[], total: number): Segmenter {
  const counts = new Map<string, number>();
  for (const v of values) {
    if (isNullish(v)) continue;
    const key = categoryOf(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const min = minSegmentRows(total);
  const listed = [...counts].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1]).slice(0, MAX_CATEGORIES).map(([value]) => value);
  return fromKeys(column, 'category', values, listed, (v) => categoryOf(v));
}

function byNumberValue(column: string, values: readonly unknown[]): Segmenter {
  const distinct = [...new Set(values.filter(isFiniteNumber))].sort((a, b) => a - b).map(String);
  return fromKeys(column, 'category', values, distinct, (v) => (isFiniteNumber(v) ? String(v) : undefined));
}

function byQuantile(column: string, values: readonly unknown[]): Segmenter {
  // A typed array sorts numerically, several times faster than Array#sort with a comparator.
  const sorted = Float64Array.from(values.filter(isFiniteNumber)).sort();
  const edges: number[] = [];
  for (let i = 1; i < QUANTILE_BINS; i++) {
    const edge = sorted[Math.floor((i * sorted.length) / QUANTILE_BINS)]!;
    if (edge > sorted[0]! && edge !== edges[edges.length - 1]) edges.push(edge);
  }
  const bounds = [sorted[0]!, ...edges, sorted[sorted.length - 1]!];
  const bins = bounds.slice(0, -1).map((low, i) => (i === bounds.length - 2 ? `[${formatEdge(low)}, ${formatEdge(bounds[i + 1]!)}]` : `[${formatEdge(low)}, ${formatEdge(bounds[i + 1]!)})`));
  const labels = [...bins, OTHER_SEGMENT, NULL_SEGMENT];
  const segmentOf = new Uint16Array(values.length);
  values.forEach((v, i) => {
    segmentOf[i] = isFiniteNumber(v) ? binOf(edges, v) : isNullish(v) ? labels.length - 1 : labels.length - 2;
  });
  return compact({ column, basis: 'quantile', labels, segmentOf });
}

function byMonth(column: string, values: readonly unknown[]): Segmenter {
  return fromKeys(column, 'month', values, MONTHS, (v) => {
    const month = dateParts(v)?.month;
    return month === undefined ? undefined : MONTHS[month];
  });
}

function byHour(column: string, values: readonly unknown[]): Segmenter {
  const ranges = Array.from({ length: 24 / HOURS_PER_SEGMENT }, (_, i) => `${pad(i * HOURS_PER_SEGMENT)}–${pad((i + 1) * HOURS_PER_SEGMENT - 1)}h`);
  return fromKeys(column, 'hour', values, ranges, (v) => {
    const hour = dateParts(v)?.hour;
    return hour === undefined ? undefined : ranges[Math.floor(hour / HOURS_PER_SEGMENT)];
  });
}

/** Segments for `listed` keys in that order, then `(other)` for other keys, then `(null)`; empty segments dropped. */
function fromKeys(column: string, basis: Segmenter['basis'], values: readonly unknown[], listed: readonly string[], keyOf: (v: unknown) => string | undefined): Segmenter {
  const labels = [...listed, OTHER_SEGMENT, NULL_SEGMENT];
  const index = new Map(listed.map((key, i) => [key, i]));
  const segmentOf = new Uint16Array(values.length);
  values.forEach((v, i) => {
    const key = isNullish(v) ? undefined : keyOf(v);
    segmentOf[i] = isNullish(v) ? labels.length - 1 : key !== undefined && index.has(key) ? index.get(key)! : labels.length - 2;
  });
  return compact({ column, basis, labels, segmentOf });
}

/** Drops the labels no row falls in and renumbers the rows' segments. */
function compact(s: Segmenter): Segmenter {
  const used = new Set(s.segmentOf);
  const kept = s.labels.map((_, i) => i).filter((i) => used.has(i));
  const renumber = new Uint16Array(s.labels.length);
  kept.forEach((old, i) => (renumber[old] = i));
  return { ...s, labels: kept.map((i) => s.labels[i]!), segmentOf: s.segmentOf.map((i) => renumber[i]!) };
}

function binOf(edges: readonly number[], v: number): number {
  let bin = 0;
  while (bin < edges.length && v >= edges[bin]!) bin++;
  return bin;
}

function dateParts(v: unknown): { month: number; hour: number | undefined } | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : { month: v.getUTCMonth(), hour: v.getUTCHours() };
  if (typeof v !== 'string') return undefined;
  const match = DATE_TEXT.exec(v);
  if (!match) return undefined;
  const month = Number(match[1]) - 1;
  const hour = match[2] === undefined ? undefined : Number(match[2]);
  if (month < 0 || month > 11 || (hour !== undefined && hour > 23)) return undefined;
  return { month, hour };
}

function hasTimeOfDay(values: readonly unknown[]): boolean {
  const hours = new Set<number>();
  for (const v of values) {
    const hour = dateParts(v)?.hour;
    if (hour !== undefined) hours.add(hour);
    if (hours.size >= 2) return true;
  }
  return false;
}

/** The column type of a column without one (JSON Lines without a schema), from its values. */
function guessType(values: readonly unknown[]): ColumnType {
  const present = values.filter((v) => !isNullish(v));
  if (present.length === 0) return 'json';
  if (present.every(isFiniteNumber)) return 'number';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'string')) return present.every((v) => DATE_TEXT.test(v as string)) ? 'date' : 'string';
  return 'json';
}

function distinctNumbers(values: readonly unknown[]): number {
  const seen = new Set<number>();
  for (const v of values) {
    if (isFiniteNumber(v)) seen.add(v);
    if (seen.size > MAX_DISTINCT_NUMBERS) break;
  }
  return seen.size;
}

function categoryOf(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'object' ? stringifyJsonValue(v) : String(v);
}

function isNullish(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function formatEdge(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
