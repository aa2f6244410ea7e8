import type { CheckResult } from './check-result';
import type { ExampleMismatch } from './field-stats';
import type { ColumnInfo, Redactor, Row } from './row';

/** What a redacted input value is shown as (the same marker golden files store). */
export const REDACTED_VALUE = '[redacted]';

/** Which of a row's columns an example shows, and how. */
export interface ExampleInputOptions {
  /** The source's columns with their roles; only `input` columns are shown (all but label and keys when empty). */
  columns: readonly ColumnInfo[];
  /** The label column: never shown. */
  label: string | null;
  /** Key columns: the example's key already shows them. */
  keys: readonly string[];
  /** Columns with personal data: shown as {@link REDACTED_VALUE}. */
  redact: readonly string[];
  /** Scrubs secrets from string values. */
  redactText: Redactor;
}

/**
 * The input columns of an example's row as reports may show them: input columns only, in column order (no label,
 * no key, no precomputed offline feature), redacted columns replaced and secrets scrubbed from strings. Pure.
 */
export function shownInputs(inputs: Row, options: ExampleInputOptions): Row {
  const names = options.columns.length > 0
    ? options.columns.filter((c) => c.role === 'input').map((c) => c.name)
    : Object.keys(inputs).filter((name) => name !== options.label && !options.keys.includes(name));
  const redacted = new Set(options.redact);
  const out: Row = {};
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(inputs, name) || inputs[name] === undefined) continue;
    const value = inputs[name];
    out[name] = redacted.has(name) && value !== null ? REDACTED_VALUE : typeof value === 'string' ? options.redactText(value) : value;
  }
  return out;
}

/**
 * A check result whose examples show their inputs as {@link shownInputs} says (changes of redacted columns hidden too);
 * counterexample and per-row warning rows lose the label and show redacted columns as {@link REDACTED_VALUE}.
 */
export function withShownInputs(result: CheckResult, options: ExampleInputOptions): CheckResult {
  const redacted = new Set(options.redact);
  const shown = (m: ExampleMismatch): ExampleMismatch => {
    if (!m.inputs && !m.changes) return m;
    const changes = m.changes?.filter((c) => c.column !== options.label).map((c) => (redacted.has(c.column) ? { ...c, from: REDACTED_VALUE, to: REDACTED_VALUE } : c));
    return { ...m, ...(m.inputs ? { inputs: shownInputs(m.inputs, options) } : {}), ...(changes ? { changes } : {}) };
  };
  // Counterexample and warning rows are whole rows (every column a side was sent): no label, redactions applied.
  const whole = (row: Row): Row => {
    const out: Row = {};
    for (const [name, value] of Object.entries(row)) {
      if (name === options.label) continue;
      out[name] = redacted.has(name) && value !== null && value !== undefined ? REDACTED_VALUE : typeof value === 'string' ? options.redactText(value) : value;
    }
    return out;
  };
  const hide = <C extends { column: string; from: unknown; to: unknown }>(c: C): C => (redacted.has(c.column) ? { ...c, from: REDACTED_VALUE, to: REDACTED_VALUE } : c);
  const out: CheckResult = { ...result, fields: result.fields.map((f) => (f.examples.some((m) => m.inputs || m.changes) ? { ...f, examples: f.examples.map(shown) } : f)) };
  if (result.counterexamples) {
    out.counterexamples = result.counterexamples.map((c) => ({ ...c, row: whole(c.row), changes: c.changes.filter((x) => x.column !== options.label).map(hide) }));
  }
  if (result.warnings?.some((w) => w.row)) out.warnings = result.warnings.map((w) => (w.row ? { ...w, row: whole(w.row) } : w));
  return out;
}
