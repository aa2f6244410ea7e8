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
    out[name] = shownValue(name, inputs[name], redacted, options.redactText);
  }
  return out;
}

/** One value as reports show it: a redacted column's value replaced, secrets scrubbed from strings. */
function shownValue(name: string, value: unknown, redacted: ReadonlySet<string>, redactText: Redactor): unknown {
  if (redacted.has(name) && value !== null && value !== undefined) return REDACTED_VALUE;
  return typeof value === 'string' ? redactText(value) : value;
}

/**
 * A check result whose examples show their inputs as {@link shownInputs} says (changes of redacted columns hidden too);
 * counterexample and per-row warning rows lose the label and show redacted columns as {@link REDACTED_VALUE}.
 */
export function withShownInputs(result: CheckResult, options: ExampleInputOptions): CheckResult {
  const redacted = new Set(options.redact);
  // A change of a redacted column hides both values; the label's changes are not shown at all.
  const shownChanges = <C extends { column: string; from: unknown; to: unknown }>(changes: readonly C[]): C[] =>
    changes.filter((c) => c.column !== options.label).map((c) => (redacted.has(c.column) ? { ...c, from: REDACTED_VALUE, to: REDACTED_VALUE } : c));
  const shown = (m: ExampleMismatch): ExampleMismatch => {
    if (!m.inputs && !m.changes) return m;
    return { ...m, ...(m.inputs ? { inputs: shownInputs(m.inputs, options) } : {}), ...(m.changes ? { changes: shownChanges(m.changes) } : {}) };
  };
  // Counterexample and warning rows are whole rows (every column a side was sent): no label, redactions applied.
  const whole = (row: Row): Row =>
    Object.fromEntries(Object.entries(row).filter(([name]) => name !== options.label).map(([name, value]) => [name, shownValue(name, value, redacted, options.redactText)]));
  const out: CheckResult = { ...result, fields: result.fields.map((f) => (f.examples.some((m) => m.inputs || m.changes) ? { ...f, examples: f.examples.map(shown) } : f)) };
  if (result.counterexamples) {
    out.counterexamples = result.counterexamples.map((c) => ({ ...c, row: whole(c.row), changes: shownChanges(c.changes) }));
  }
  if (result.warnings?.some((w) => w.row)) out.warnings = result.warnings.map((w) => (w.row ? { ...w, row: whole(w.row) } : w));
  return out;
}
