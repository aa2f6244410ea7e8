/**
 * Bounds what a report embeds per value. A feature can be megabytes (an embedding, a blob a server echoes back), and
 * every reporter repeats the examples: uncapped, three 50 MiB values made a 157 MB report. A value over the cap is
 * replaced by a string: the start of its JSON and a marker saying how big it was.
 */

/** Largest value a report keeps whole, in characters of JSON (4 KiB). */
export const MAX_REPORT_VALUE_CHARS = 4096;

// What a capped value keeps of itself: enough to recognise it, a quarter of the cap.
const PREVIEW_CHARS = 1024;
// A preview stops descending here (a value nested thousands deep must not overflow the stack).
const PREVIEW_DEPTH = 64;

/**
 * `value` itself when its JSON has at most `max` characters, otherwise a string: the start of its JSON and
 * `… [truncated: array of 1000000 items, ~6.7 MB as JSON]` (or `string of N characters`, `object of N keys`).
 *
 * @example capValue('x'.repeat(10_000)) // 'xxxx…xxx… [truncated: string of 10000 characters]'
 */
export function capValue(value: unknown, max = MAX_REPORT_VALUE_CHARS): unknown {
  if (typeof value === 'string') return capText(value, max);
  if (typeof value !== 'object' || value === null) return value;
  const size = jsonSize(value, max);
  if (size <= max) return value;
  const what = Array.isArray(value) ? `array of ${value.length} items` : `object of ${Object.keys(value).length} keys`;
  return `${previewJson(value, Math.min(PREVIEW_CHARS, max))}… [truncated: ${what}, ~${formatSize(jsonSize(value, Infinity))} as JSON]`;
}

/** `text` itself when it has at most `max` characters, otherwise its start and `… [truncated: string of N characters]`. */
export function capText(text: string, max = MAX_REPORT_VALUE_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.min(PREVIEW_CHARS, max))}… [truncated: string of ${text.length} characters]`;
}

/**
 * Length of `value`'s JSON, walking without recursion and stopping once it passes `stopAbove`. Exact, except that
 * escapes in strings longer than 64 KiB are not counted (a lower bound, and far above any cap).
 */
export function jsonSize(value: unknown, stopAbove: number): number {
  let size = 0;
  // Frames of containers being walked, so a huge array is not copied onto a stack before the walk can stop.
  const frames: Array<{ values: readonly unknown[]; next: number }> = [{ values: [value], next: 0 }];
  while (frames.length > 0 && size <= stopAbove) {
    const frame = frames[frames.length - 1]!;
    if (frame.next >= frame.values.length) {
      frames.pop();
      continue;
    }
    const v = frame.values[frame.next++];
    if (typeof v === 'string') size += stringSize(v);
    else if (Array.isArray(v)) {
      size += 2 + Math.max(0, v.length - 1);
      frames.push({ values: v, next: 0 });
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      size += 2 + Math.max(0, keys.length - 1);
      for (const key of keys) size += stringSize(key) + 1;
      frames.push({ values: keys.map((key) => (v as Record<string, unknown>)[key]), next: 0 });
    } else if (typeof v === 'bigint') size += v.toString().length;
    else size += (JSON.stringify(v) ?? 'null').length;
  }
  return size;
}

const EXACT_STRING_CHARS = 64 * 1024;

function stringSize(text: string): number {
  return text.length > EXACT_STRING_CHARS ? text.length + 2 : JSON.stringify(text).length;
}

/** The first `max` characters of `value`'s JSON, built without serialising the rest. */
function previewJson(value: unknown, max: number): string {
  let out = '';
  const write = (v: unknown, depth: number): void => {
    if (out.length >= max) return;
    if (depth > PREVIEW_DEPTH) {
      out += '…';
    } else if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && out.length < max; i++) {
        if (i > 0) out += ',';
        write(v[i], depth + 1);
      }
      out += ']';
    } else if (typeof v === 'object' && v !== null) {
      out += '{';
      let first = true;
      for (const key of Object.keys(v)) {
        if (out.length >= max) break;
        out += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        write((v as Record<string, unknown>)[key], depth + 1);
      }
      out += '}';
    } else if (typeof v === 'string') {
      out += JSON.stringify(v.length > max ? v.slice(0, max) : v);
    } else {
      // A bigint is a JSON number with its exact digits; NaN and ±Infinity are spelled out.
      out += typeof v === 'bigint' || (typeof v === 'number' && !Number.isFinite(v)) ? String(v) : (JSON.stringify(v) ?? String(v));
    }
  };
  write(value, 0);
  return out.slice(0, max);
}

function formatSize(chars: number): string {
  if (chars >= 1e6) return `${(chars / 1e6).toFixed(1)} MB`;
  if (chars >= 1e3) return `${(chars / 1e3).toFixed(1)} kB`;
  return `${chars} B`;
}
