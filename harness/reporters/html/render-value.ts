import { formatNumber, truncate } from '../format-value';
import { html, joinHtml, type SafeHtml } from './html';
import { stringifyJson } from '../../core/stringify-json';

/** Longest string shown whole; longer ones are cut around where they differ. */
const MAX_STRING = 80;
/** Array elements shown on each side of the first difference. */
const ARRAY_CONTEXT = 3;
/** Longest JSON shown for objects and nested values. */
const MAX_JSON = 120;

/**
 * Renders one side's value of a mismatch for a table cell, marking where it differs from the other side's value:
 * the changed middle of a string (so `" us"` vs `"US"` shows the padding and the case), the differing elements of
 * an array (a window around the first one, so a 1,024-wide embedding stays one line), or the whole scalar.
 * Absent values read `(absent)`; NaN, ±Infinity and −0 are spelled out.
 *
 * @param value this side's value
 * @param other the other side's value, to find what differs
 * @param firstIndex first differing array index when the diff engine reported one (tolerances may hide raw differences)
 */
export function renderValue(value: unknown, other: unknown, firstIndex?: number): SafeHtml {
  if (value === undefined) return html`<span class="absent">(absent)</span>`;
  if (typeof value === 'string' && typeof other === 'string') return renderStringDiff(value, other);
  if (Array.isArray(value)) return renderArray(value, Array.isArray(other) ? other : undefined, firstIndex);
  const text = scalarText(value);
  return sameValue(value, other) ? html`<span class="v">${text}</span>` : html`<mark class="v">${text}</mark>`;
}

/** A value as short plain text (titles, change lists): the same spelling as {@link renderValue}, unmarked. */
export function valueText(value: unknown, max = MAX_JSON): string {
  if (value === undefined) return '(absent)';
  if (Array.isArray(value)) {
    // Stop once the text is long enough: an array may hold a million elements.
    let text = '[';
    for (let i = 0; i < value.length && text.length <= max; i++) text += (i > 0 ? ', ' : '') + valueText(value[i], max);
    return truncate(`${text}]`, max);
  }
  return truncate(scalarText(value), max);
}

function scalarText(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return quote(truncate(value, MAX_STRING));
  if (value === null || typeof value === 'boolean') return String(value);
  return truncate(safeJson(value), MAX_JSON);
}

function renderStringDiff(value: string, other: string): SafeHtml {
  if (value === other) return html`<span class="v">${quote(truncate(value, MAX_STRING))}</span>`;
  // Common prefix and suffix by UTF-16 unit; step back off a surrogate pair so no half character is shown.
  let start = 0;
  while (start < value.length && start < other.length && value[start] === other[start]) start++;
  if (start > 0 && isHighSurrogate(value.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < value.length - start && end < other.length - start && value[value.length - 1 - end] === other[other.length - 1 - end]) end++;
  if (end > 0 && isLowSurrogate(value.charCodeAt(value.length - end))) end--;
  const prefix = value.slice(0, start);
  const middle = value.slice(start, value.length - end);
  const suffix = value.slice(value.length - end);
  const head = prefix.length > 24 ? `…${prefix.slice(-20)}` : prefix;
  const tail = suffix.length > 24 ? `${suffix.slice(0, 20)}…` : suffix;
  const inner = (s: string) => quote(s).slice(1, -1);
  const marked = middle === '' ? html`<mark class="gap" title="missing here"></mark>` : html`<mark>${inner(truncate(middle, MAX_STRING))}</mark>`;
  return html`<span class="v">"${inner(head)}${marked}${inner(tail)}"</span>`;
}

function renderArray(value: readonly unknown[], other: readonly unknown[] | undefined, firstIndex: number | undefined): SafeHtml {
  const differs = (i: number) => other === undefined || i >= other.length || !sameValue(value[i], other[i]);
  let first = firstIndex ?? -1;
  if (first < 0) for (let i = 0; i < value.length && first < 0; i++) if (differs(i)) first = i;
  const from = Math.max(0, (first < 0 ? 0 : first) - ARRAY_CONTEXT);
  const to = Math.min(value.length, (first < 0 ? 0 : first) + ARRAY_CONTEXT + 1 + (first < 0 ? ARRAY_CONTEXT : 0));
  const items = value.slice(from, to).map((v, j) => {
    const i = from + j;
    const text = valueText(v, 40);
    return other !== undefined && differs(i) ? html`<mark title="${`[${i}]`}">${text}</mark>` : html`${text}`;
  });
  const before = from > 0 ? html`<span class="more">…${from} </span>` : '';
  const after = to < value.length ? html`<span class="more"> …${value.length - to} more</span>` : '';
  const length = value.length > 2 * ARRAY_CONTEXT + 1 ? html` <span class="more">(length ${value.length})</span>` : '';
  return html`<span class="v">[${before}${joinHtml(items, ', ')}${after}]${length}</span>`;
}

/**
 * A string in double quotes with JSON escapes, plus escapes for the characters JSON leaves raw but a reader cannot
 * see or tell from a space (no-break and zero-width spaces, line and paragraph separators, BOM): exactly the
 * differences string skew hides in.
 */
function quote(s: string): string {
  return JSON.stringify(s).replace(/[\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return safeJson(a) === safeJson(b);
}

function safeJson(value: unknown): string {
  try {
    return stringifyJson(value, undefined, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
