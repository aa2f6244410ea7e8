import { capText, capValue, MAX_REPORT_VALUE_CHARS } from './cap-value';
import type { CheckResult } from './check-result';
import type { SideReaction } from './contract-probe';
import type { ExampleMismatch } from './field-stats';
import type { Mismatch } from './mismatch';
import type { Row } from './row';

/**
 * A check result with every value it shows people capped (see {@link capValue}): example values and details, row
 * errors, example inputs, counterexample rows and changes, golden changes, warnings, probe reactions. The one place reports are
 * kept small, whatever a side returned; counts, rates and keys are untouched.
 */
export function capCheckResult(result: CheckResult, max = MAX_REPORT_VALUE_CHARS): CheckResult {
  const text = (s: string): string => capText(s, max);
  const value = (v: unknown): unknown => capValue(v, max);
  const mismatch = (m: Mismatch): Mismatch => ({
    ...m,
    ...('offline' in m ? { offline: value(m.offline) } : {}),
    ...('online' in m ? { online: value(m.online) } : {}),
    ...(m.detail !== undefined ? { detail: text(m.detail) } : {}),
  });
  const row = (r: Row): Row => Object.fromEntries(Object.entries(r).map(([column, v]) => [column, value(v)]));
  const change = <C extends { from: unknown; to: unknown }>(c: C): C => ({ ...c, from: value(c.from), to: value(c.to) });
  const example = (m: ExampleMismatch): ExampleMismatch => ({
    ...(mismatch(m) as ExampleMismatch),
    ...(m.inputs ? { inputs: row(m.inputs) } : {}),
    ...(m.changes ? { changes: m.changes.map(change) } : {}),
  });
  const reaction = (r: SideReaction): SideReaction => (r.kind === 'computes' ? r : { ...r, message: text(r.message) });
  const oldNew = (change: { old: unknown; new: unknown } | undefined) => (change ? { old: value(change.old), new: value(change.new) } : undefined);

  const capped: CheckResult = {
    ...result,
    summary: text(result.summary),
    fields: result.fields.map((f) => ({ ...f, examples: f.examples.map(example) })),
    errors: result.errors.map((e) => ({ ...e, message: text(e.message), ...(e.detail !== undefined ? { detail: text(e.detail) } : {}) })),
  };
  if (result.counterexamples) {
    capped.counterexamples = result.counterexamples.map((c) => ({
      ...c,
      mismatch: mismatch(c.mismatch),
      changes: c.changes.map(change),
      row: row(c.row),
      description: text(c.description),
    }));
  }
  if (result.golden) {
    capped.golden = {
      ...result.golden,
      changes: result.golden.changes.map((c) => {
        const offline = oldNew(c.offline);
        const online = oldNew(c.online);
        return { ...c, ...(offline ? { offline } : {}), ...(online ? { online } : {}) };
      }),
    };
  }
  if (result.warnings) {
    capped.warnings = result.warnings.map((w) => ({
      ...w,
      message: text(w.message),
      ...(w.detail !== undefined ? { detail: text(w.detail) } : {}),
      ...(w.row ? { row: row(w.row) } : {}),
    }));
  }
  if (result.inputContract) {
    capped.inputContract = {
      ...result.inputContract,
      probes: result.inputContract.probes.map((p) => ({
        ...p,
        ...('value' in p ? { value: value(p.value) } : {}),
        description: text(p.description),
        offline: reaction(p.offline),
        online: reaction(p.online),
      })),
    };
  }
  return capped;
}
