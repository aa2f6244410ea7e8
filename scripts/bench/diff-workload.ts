import { compareResults } from '../../harness/checks/compare-results';
import { summarizeRows } from '../../harness/checks/summarize-rows';
import { createComparePolicy, type CompareOptions } from '../../harness/core/compare-policy';
import { diffFeatures } from '../../harness/core/diff';
import { FieldStatsAccumulator, type FieldStats } from '../../harness/core/field-stats';
import type { FeatureVector, SideResult, SourceRow } from '../../harness/core/row';

/** The diff benchmark's rows: churn-like feature vectors, offline and online, mostly matching. */
export interface DiffWorkload {
  rows: SourceRow[];
  offline: SideResult[];
  online: SideResult[];
  /** Feature names, in emission order. */
  fields: readonly string[];
  /** The comparison settings both contenders apply (the example's: `spend_log` at rel 1e-12). */
  compare: CompareOptions;
}

/** What a contender found: mismatching rows per field and the largest absolute difference per field. */
export interface DiffTally {
  mismatched: Record<string, number>;
  maxAbsDiff: Record<string, number | null>;
}

const FIELDS = [
  'tenure_days',
  'days_since_last_login',
  'plan_code',
  'country',
  'spend_log',
  'spend_bucket',
  'sessions_z',
  'avg_session_minutes',
  'support_tickets_capped',
  'is_weekend_signup',
] as const;

/**
 * Builds `count` rows the way the churn example's two sides produce them: integers, floats with last-bit noise
 * (inside the tolerance), strings, booleans and nulls, and a few planted skews (~3% of rows) so the mismatch path
 * runs too. Deterministic (a fixed LCG), so every process measures the same data.
 */
export function makeDiffWorkload(count: number): DiffWorkload {
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const countries = ['US', 'FR', 'IN', 'DE', 'BR', 'UNKNOWN'];
  const rows: SourceRow[] = [];
  const offline: SideResult[] = [];
  const online: SideResult[] = [];
  for (let i = 0; i < count; i++) {
    const spend = random() * 200;
    const off: FeatureVector = {
      tenure_days: Math.floor(random() * 2000),
      days_since_last_login: random() < 0.05 ? null : Math.floor(random() * 90),
      plan_code: Math.floor(random() * 3),
      country: countries[Math.floor(random() * countries.length)]!,
      spend_log: Math.log1p(spend),
      spend_bucket: Math.floor(spend / 25),
      sessions_z: (random() * 40 - 20) / 7.3,
      avg_session_minutes: random() < 0.03 ? null : Math.round(random() * 600) / 10,
      support_tickets_capped: Math.min(Math.floor(random() * 12), 10),
      is_weekend_signup: random() < 2 / 7,
    };
    // The online side computes the same values independently: a fresh object, float noise in the last bits.
    const on: FeatureVector = { ...off };
    if (random() < 0.3) on['spend_log'] = (off['spend_log'] as number) * (1 + Number.EPSILON);
    if (random() < 0.2) on['sessions_z'] = (off['sessions_z'] as number) + 1e-13;
    if (random() < 0.02 && off['days_since_last_login'] !== null) on['days_since_last_login'] = (off['days_since_last_login'] as number) + 1;
    if (random() < 0.01) on['country'] = (off['country'] as string).toLowerCase();
    if (random() < 0.005) on['avg_session_minutes'] = null;
    const key = `C${String(i).padStart(7, '0')}`;
    rows.push({ key, line: i + 2, values: { customer_id: key } });
    offline.push({ kind: 'ok', features: off });
    online.push({ kind: 'ok', features: JSON.parse(JSON.stringify(on)) as FeatureVector });
  }
  return { rows, offline, online, fields: FIELDS, compare: { fields: { spend_log: { rel: 1e-12 } } } };
}

/** The diff engine, row by row: `diffFeatures` into a `FieldStatsAccumulator` (examples kept with their inputs). */
export function tallyWithEngine(w: DiffWorkload): DiffTally {
  const policy = createComparePolicy(w.compare);
  const stats = new FieldStatsAccumulator(() => 0, 5);
  for (let i = 0; i < w.rows.length; i++) {
    const a = w.offline[i]!;
    const b = w.online[i]!;
    const row = w.rows[i]!;
    if (a.kind === 'ok' && b.kind === 'ok') stats.add(diffFeatures(row.key, a.features, b.features, policy), () => ({ inputs: row.values }));
  }
  return tallyOf(stats.result());
}

/** The same through the check helpers: `compareResults` (every row's comparison kept) then `summarizeRows`. */
export function tallyWithCheckHelpers(w: DiffWorkload): DiffTally {
  const policy = createComparePolicy(w.compare);
  return tallyOf(summarizeRows(compareResults(w.rows, w.offline, w.online, policy), () => 0, 5).fields);
}

function tallyOf(fields: readonly FieldStats[]): DiffTally {
  const tally: DiffTally = { mismatched: {}, maxAbsDiff: {} };
  for (const f of fields) {
    tally.mismatched[f.field] = f.mismatched;
    tally.maxAbsDiff[f.field] = f.maxAbsDiff;
  }
  return tally;
}

/**
 * The reference: a loop written by hand for these fields and these tolerances — what a team would write without a
 * harness. Same rules as the default policy for the values this workload has (NaN equal, −0 = 0, integers exact,
 * floats within abs 1e-9 or rel 1e-9; `spend_log` rel 1e-12; null equals only null; absent is a mismatch).
 */
export function tallyByHand(w: DiffWorkload): DiffTally {
  const fields = w.fields;
  const n = fields.length;
  const abs = fields.map(() => 1e-9);
  const rel = fields.map((f) => (f === 'spend_log' ? 1e-12 : 1e-9));
  const relOnIntegers = fields.map((f) => f === 'spend_log');
  const mismatched = new Int32Array(n);
  const maxAbs = new Float64Array(n).fill(-1);
  for (let r = 0; r < w.offline.length; r++) {
    const a = w.offline[r]!;
    const b = w.online[r]!;
    if (a.kind !== 'ok' || b.kind !== 'ok') continue;
    const off = a.features;
    const on = b.features;
    for (let i = 0; i < n; i++) {
      const f = fields[i]!;
      const x = off[f];
      const y = on[f];
      let same: boolean;
      if (typeof x === 'number' && typeof y === 'number') {
        if (x === y || (x !== x && y !== y)) same = true;
        else {
          const d = Math.abs(x - y);
          const bothIntegers = Number.isInteger(x) && Number.isInteger(y) && Math.abs(x) < 2 ** 52 && Math.abs(y) < 2 ** 52;
          same = d <= abs[i]! || ((relOnIntegers[i]! || !bothIntegers) && d <= rel[i]! * Math.max(Math.abs(x), Math.abs(y)));
          if (!same && Number.isFinite(d)) maxAbs[i] = Math.max(maxAbs[i]!, d);
        }
      } else same = x === y && (y !== undefined || f in on);
      if (!same) mismatched[i]!++;
    }
  }
  const tally: DiffTally = { mismatched: {}, maxAbsDiff: {} };
  fields.forEach((f, i) => {
    tally.mismatched[f] = mismatched[i]!;
    tally.maxAbsDiff[f] = maxAbs[i]! < 0 ? null : maxAbs[i]!;
  });
  return tally;
}
