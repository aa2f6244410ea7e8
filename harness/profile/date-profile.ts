import type { DateProfile } from '../core/data-profile';
import { parseDateText, type DateText } from './date-text';

/**
 * Range and format of a date column's non-null values. The format is the one most values are written in (ties:
 * the first seen), and the separator, seconds, fraction digits and offset are the most common among the values of
 * that format, so generated values look like the column's. The range is by instant (see `DateText.epochMs`); its
 * ends are given as written. `null` when no value parses as a date.
 */
export function profileDates(values: readonly string[]): DateProfile | null {
  const parsed: Array<{ text: string; date: DateText }> = [];
  // Dates repeat (a signup day, a reference date): each distinct text is parsed once, and its entry shared.
  const seen = new Map<string, { text: string; date: DateText } | null>();
  for (const text of values) {
    let entry = seen.get(text);
    if (entry === undefined) {
      const date = parseDateText(text);
      entry = date === null ? null : { text, date };
      seen.set(text, entry);
    }
    if (entry !== null) parsed.push(entry);
  }
  const first = parsed[0];
  if (first === undefined) return null;

  let min = first;
  let max = first;
  for (const entry of parsed) {
    if (entry.date.epochMs < min.date.epochMs) min = entry;
    if (entry.date.epochMs > max.date.epochMs) max = entry;
  }
  const format = mostCommon(parsed.map((p) => p.date.format)) ?? first.date.format;
  const same = parsed.filter((p) => p.date.format === format).map((p) => p.date);
  const datetimes = parsed.map((p) => p.date).filter((d) => d.separator !== null);
  return {
    min: min.text,
    max: max.text,
    format,
    separator: mostCommon(datetimes.map((d) => d.separator)) ?? 'T',
    seconds: format === 'date' ? false : (mostCommon(same.map((d) => d.seconds)) ?? true),
    fractionDigits: mostCommon(same.map((d) => d.fractionDigits)) ?? 0,
    offset: format === 'datetime-offset' ? (mostCommon(same.map((d) => d.offset)) ?? null) : null,
  };
}

/** The most frequent item (ties: the first seen); `undefined` for an empty list. */
function mostCommon<T>(items: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  // Map iteration is first-insertion order, so a strict `>` keeps the first seen of equally common items.
  for (const [item, count] of counts) {
    if (count > bestCount) {
      best = item;
      bestCount = count;
    }
  }
  return best;
}
