import type { ColumnInfo } from '../../core/row';
import type { AnalysisRow } from '../analysis-input';
import { dateColumns, parseDateMs } from './date-values';
import { MIN_ROWS } from './hint-thresholds';

/** Rows of a whole-hour field whose offset steps up at a fixed minute of the hour. */
export interface MinuteSplit {
  /** Date column whose minute of the hour separates the rows. */
  column: string;
  /** Rows from this minute of the (UTC) hour on get the larger offset. */
  minute: number;
  /** Share of rows on their side of the split. */
  accuracy: number;
}

/** Share of rows that must fall on their side. */
const MIN_ACCURACY = 0.95;

/**
 * Looks for a date column whose minute of the hour separates two groups: `later` (the larger of two whole-hour
 * offsets) from `minute` on, `earlier` before it. That is what a part-hour zone (India +5:30, Nepal +5:45,
 * Newfoundland −3:30) does to an hour-of-day field: 10:40 UTC is 16:10 in India (+6 h), 10:20 UTC is 15:50
 * (+5 h). `undefined` when no column splits the rows that way.
 */
export function findMinuteSplit(later: readonly AnalysisRow[], earlier: readonly AnalysisRow[], columns: readonly ColumnInfo[]): MinuteSplit | undefined {
  let best: MinuteSplit | undefined;
  for (const column of dateColumns(columns)) {
    const minutes = (rows: readonly AnalysisRow[]) =>
      rows.map((row) => parseDateMs(row.inputs[column])).filter((ms): ms is number => ms !== undefined).map((ms) => new Date(ms).getUTCMinutes());
    const up = minutes(later);
    const down = minutes(earlier);
    if (up.length < MIN_ROWS || down.length < MIN_ROWS) continue;
    for (let minute = 1; minute < 60; minute++) {
      const right = up.filter((m) => m >= minute).length + down.filter((m) => m < minute).length;
      const accuracy = right / (up.length + down.length);
      if (accuracy >= MIN_ACCURACY && (!best || accuracy > best.accuracy)) best = { column, minute, accuracy };
    }
  }
  return best;
}
