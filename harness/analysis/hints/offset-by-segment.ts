import type { AnalysisRow } from '../analysis-input';
import { explainedRows, readOffset, type OffsetReading } from './constant-offset';
import { parseDateMs, dateColumns } from './date-values';
import { isInSeason } from './dst-season';
import { restrictView, type FieldView } from './field-view';
import { formatList, formatNumber, formatSignedTerm } from './format-values';
import type { DetectedHint, HintDetector } from './hint-detector';
import { describeContrast, judgeCondition } from './hint-evidence';
import { roundStrength } from './hint-strength';
import { MIN_ROWS } from './hint-thresholds';
import { inputColumns, isNullish } from './input-columns';
import { measureContrast } from './row-contrast';

/** A column with more segments than this is not split (IDs, free text). */
const MAX_SEGMENTS = 24;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A way to split rows into segments: the values of a categorical input, or the month of a date input. */
interface Segmenter {
  /** How the message names it: `customer_tz`, `the month of event_time`. */
  label: string;
  /** The input column it reads. */
  column: string;
  segmentOf: (row: AnalysisRow) => string | undefined;
  /** Order of segments in the message, when they have a natural one (months); by rows explained otherwise. */
  rank?: (segment: string) => number;
}

/** One segment's reading of the offset. */
interface SegmentReading {
  segment: string;
  reading: OffsetReading;
}

interface Finding {
  segmenter: Segmenter;
  readings: SegmentReading[];
  clean: string[];
  strength: number;
  evidence: string;
}

/**
 * `offset_by_segment`: online − offline is a constant *within* each segment of an input — each time zone, or each
 * month — but not across them: a serving DST bug across several zones (−1 h only in each zone's summer, nothing
 * in Tokyo or UTC), or a zone table applied per customer (+9 h in Tokyo, +4 h in Dubai). Each segment is read
 * like the whole field (`readOffset`: offset, time zone, daylight saving time by a date input), and the rows
 * the segment readings cover must pass the shared gate (`judgeCondition`): they account for the mismatches and
 * most of them mismatch.
 */
export const detectOffsetBySegment: HintDetector = (view) => {
  if (view.pairs.length < MIN_ROWS) return undefined;
  const segmenters = segmentersOf(view);
  let best: Finding | undefined;
  for (const segmenter of segmenters) {
    const found = readSegments(view, segmenter, segmenters.length);
    if (found && (!best || found.strength > best.strength)) best = found;
  }
  return best && formatFinding(best);
};

function segmentersOf(view: FieldView): Segmenter[] {
  const rows = [...view.mismatching, ...view.matching];
  const out: Segmenter[] = [];
  for (const { name } of inputColumns(view.input, ['string', 'boolean'])) {
    const segmentOf = (row: AnalysisRow) => (isNullish(row.inputs[name]) ? undefined : String(row.inputs[name]));
    const distinct = new Set(rows.map(segmentOf).filter((v) => v !== undefined));
    if (distinct.size >= 2 && distinct.size <= MAX_SEGMENTS) out.push({ label: name, column: name, segmentOf });
  }
  for (const name of dateColumns(view.input.columns)) {
    out.push({
      label: `the month of ${name}`,
      column: name,
      rank: (segment) => MONTHS.indexOf(segment),
      segmentOf: (row) => {
        const ms = parseDateMs(row.inputs[name]);
        return ms === undefined ? undefined : MONTHS[new Date(ms).getUTCMonth()];
      },
    });
  }
  return out;
}

function readSegments(view: FieldView, segmenter: Segmenter, hypotheses: number): Finding | undefined {
  // Each row's segment once (parsing a date per row per segment would dominate the cost).
  const segmentOf = new Map<AnalysisRow, string | undefined>();
  for (const row of [...view.mismatching, ...view.matching]) segmentOf.set(row, segmenter.segmentOf(row));
  const segments = new Map<string, { mismatching: number; rows: number }>();
  for (const [rows, mismatching] of [[view.mismatching, 1], [view.matching, 0]] as const) {
    for (const row of rows) {
      const segment = segmentOf.get(row);
      if (segment === undefined) continue;
      const entry = segments.get(segment) ?? { mismatching: 0, rows: 0 };
      entry.rows++;
      entry.mismatching += mismatching;
      segments.set(segment, entry);
    }
  }
  const readings: SegmentReading[] = [];
  for (const [segment, counts] of segments) {
    if (counts.mismatching < MIN_ROWS) continue;
    const reading = readOffset(restrictView(view, (row) => segmentOf.get(row) === segment));
    if (reading) readings.push({ segment, reading });
  }
  // A segment with rows enough to read and none mismatching: the segments then differ even when every reading agrees.
  const someClean = [...segments.values()].some((c) => c.mismatching === 0 && c.rows >= MIN_ROWS);
  if (readings.length === 0 || !addsToOneOffset(readings, someClean)) return undefined;
  const bySegment = new Map(readings.map((r) => [r.segment, r.reading]));
  const contrast = measureContrast(view, (row) => {
    const segment = segmentOf.get(row);
    if (segment === undefined) return undefined;
    const reading = bySegment.get(segment);
    if (!reading) return false;
    return reading.kind === 'zone' && reading.season ? (isInSeason(reading.season, row) ?? false) : true;
  });
  const judgement = judgeCondition(contrast, hypotheses);
  if (judgement.kind === 'silent') return undefined;
  const rank = segmenter.rank;
  if (rank) readings.sort((a, b) => rank(a.segment) - rank(b.segment));
  else readings.sort((a, b) => explainedRows(b.reading) - explainedRows(a.reading) || a.segment.localeCompare(b.segment));
  const clean = [...segments].filter(([, c]) => c.mismatching === 0).map(([segment]) => segment);
  clean.sort(rank ? (a, b) => rank(a) - rank(b) : undefined);
  const per = readings.map((r) => `${r.segment} ${explainedRows(r.reading)} of ${segments.get(r.segment)!.mismatching}`).join(', ');
  return {
    segmenter,
    readings,
    clean,
    strength: judgement.strength,
    evidence: `${describeContrast(contrast, `in the part of a segment its offset covers`)}; mismatching rows explained per segment: ${per}`,
  };
}

/**
 * Whether segments say more than one offset for the whole field would: the offsets differ between segments, or a
 * segment's offset holds only part of the year while another segment matches (which the whole field cannot show).
 * Every segment with the same seasonal offset is one offset for the whole field: the column does not explain it.
 */
function addsToOneOffset(readings: readonly SegmentReading[], someSegmentClean: boolean): boolean {
  const offsets = new Set(readings.map((r) => (r.reading.kind === 'two_zones' ? `${r.reading.first.c}/${r.reading.second.c}` : String(r.reading.cluster.c))));
  if (offsets.size > 1) return true;
  return someSegmentClean && readings.some((r) => r.reading.kind === 'two_zones' || (r.reading.kind === 'zone' && r.reading.season !== undefined));
}

function formatFinding({ segmenter, readings, clean, strength, evidence }: Finding): DetectedHint {
  const seasonal = readings.some((r) => r.reading.kind === 'two_zones' || (r.reading.kind === 'zone' && r.reading.season));
  const zoned = readings.every((r) => r.reading.kind !== 'offset');
  const matches = clean.length > 0 ? `; ${formatList(clean)} ${clean.length === 1 ? 'matches' : 'match'}` : '';
  const cause = seasonal
    ? `daylight saving time is handled differently per ${segmenter.label} (an offset only part of the year)`
    : zoned
      ? `a time-zone offset that depends on ${segmenter.label}`
      : `a constant offset that depends on ${segmenter.label}`;
  return {
    kind: 'offset_by_segment',
    message: `the offset depends on ${segmenter.label}: ${formatList(readings.map(describeReading), 12)}${matches}: ${cause}`,
    evidence,
    strength: roundStrength(strength),
    subject: segmenter.column,
  };
}

/** `Europe/Berlin +3600 (1 h)`, `America/New_York − 1 h from Mar 10 to Nov 2`, `Europe/Paris − 1 / − 2 h`. */
function describeReading({ segment, reading }: SegmentReading): string {
  switch (reading.kind) {
    case 'offset':
      return `${segment} ${formatSignedTerm(reading.cluster.c)}`;
    case 'zone': {
      const hours = reading.zone.unit === 'h' ? ' h' : ` (${formatNumber(reading.zone.hours)} h)`;
      const season = reading.season ? ` from ${reading.season.from} to ${reading.season.to}` : '';
      return `${segment} ${formatSignedTerm(reading.cluster.c)}${hours}${season}`;
    }
    case 'two_zones': {
      const season = reading.season ? ` (${formatSignedTerm(reading.first.c)} from ${reading.season.from} to ${reading.season.to})` : '';
      return `${segment} ${formatSignedTerm(reading.first.c)} / ${formatSignedTerm(reading.second.c)} ${reading.unit}${season}`;
    }
  }
}
