/**
 * The fixture's failing fields, modelled on the bundled churn example's bugs: a clock skew that grows with row age,
 * a DST offset, null imputation, string normalisation (with hostile values), a float32 embedding, non-finite
 * numbers and a type mismatch. Values carry `<script>`, quotes, `</style>`, `]]>` and U+2028 on purpose.
 */
import type { Mismatch } from '../../harness/core/mismatch';
import type { FieldStats } from '../../harness/core/field-stats';
import { fieldStats, histogramOf, seededRandom, valueMismatch } from './fixture-helpers';

/** The value the escaping tests look for: it must appear on the page only as text. */
export const HOSTILE_SCRIPT = '<script>alert(1)</script>';

const COMPARED = 198;

/** tenure_days: offline uses the row's reference_date, online today, so the difference grows with row age. */
export function tenureDays(): FieldStats {
  const random = seededRandom(11);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < COMPARED; i++) {
    const offline = Math.round(30 + random() * 3400);
    pairs.push([offline, offline + Math.round(100 + random() * 1317)]);
  }
  const keys = ['C000002', 'C000039', 'C000096', 'C000131', 'C000187'];
  return fieldStats({
    field: 'tenure_days',
    compared: COMPARED,
    mismatched: COMPARED,
    examples: keys.map((k, i) => valueMismatch(k, 'tenure_days', pairs[i]![0], pairs[i]![1])),
    analysis: {
      hints: [
        { kind: 'grows_with_age', message: 'online − offline grows with the age of reference_date: online counts days to today, offline to the row’s reference_date', evidence: '198 of 198 mismatching rows; corr(diff, days since reference_date) = 0.998', strength: 0.98 },
        { kind: 'affine', message: 'online ≈ 1.00 × offline + 758 (a scale and an offset)', evidence: 'least squares over 198 rows, R² = 0.62', strength: 0.41 },
      ],
      distribution: { count: COMPARED, psi: 1.842, jensenShannon: 0.3127, lInfinity: null },
      diffHistogram: histogramOf(pairs.map(([a, b]) => b - a), 14),
      scatter: pairs,
    },
  });
}

/** login_hour: UTC offline, local time online: +1 h in summer, and 23 → 0 wraps to −23 at midnight. */
export function loginHour(): FieldStats {
  const random = seededRandom(23);
  const pairs: Array<[number, number]> = [];
  const diffs: number[] = [];
  for (let i = 0; i < COMPARED; i++) {
    const offline = Math.floor(random() * 24);
    const summer = i % 13 < 4;
    const online = summer ? (offline + 1) % 24 : offline;
    pairs.push([offline, online]);
    if (online !== offline) diffs.push(online - offline);
  }
  const mismatched = diffs.length;
  return fieldStats({
    field: 'login_hour',
    compared: COMPARED,
    mismatched,
    examples: pairs
      .map(([a, b], i) => [a, b, i] as const)
      .filter(([a, b]) => a !== b)
      .slice(0, 4)
      .map(([a, b, i]) => valueMismatch(`C000${String(300 + i).padStart(3, '0')}`, 'login_hour', a, b)),
    analysis: {
      hints: [
        { kind: 'timezone_offset', message: 'online is offline + 1 h, only between late March and late October: local time with DST online, UTC offline', evidence: `${mismatched} of ${mismatched} mismatching rows, offset +1 h (−23 h across midnight); 0 of 138 winter rows differ`, strength: 1 },
      ],
      distribution: { count: COMPARED, psi: 0.0312, jensenShannon: 0.0049, lInfinity: null },
      diffHistogram: histogramOf(diffs, 12),
      scatter: pairs,
    },
  });
}

/** sessions_z: offline imputes a null with the mean (z ≈ 0), online with 0 sessions (z = −1.91). */
export function sessionsZ(): FieldStats {
  const random = seededRandom(37);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < COMPARED; i++) {
    const z = (random() + random() + random() - 1.5) * 2;
    pairs.push(i % 12 === 5 ? [-0.0003748838304, -1.912282419] : [z, z]);
  }
  const mismatched = pairs.filter(([a, b]) => a !== b).length;
  return fieldStats({
    field: 'sessions_z',
    compared: COMPARED,
    mismatched,
    examples: ['C000255', 'C000666', 'C000791'].map((k) => valueMismatch(k, 'sessions_z', -0.0003748838304, -1.912282419)),
    analysis: {
      hints: [{ kind: 'null_input', message: 'differs only where sessions_last_30d is null: offline imputes the mean, online uses 0', evidence: `${mismatched} of ${mismatched} mismatching rows have sessions_last_30d null; 0 of ${COMPARED - mismatched} rows with a value differ`, strength: 1 }],
      distribution: { count: COMPARED, psi: 0.2841, jensenShannon: 0.0415, lInfinity: null },
      diffHistogram: { edges: [-1.9123, -1.9119], counts: [mismatched] },
      scatter: pairs,
    },
  });
}

/** plan_label: online trims and lower-cases, offline does not; the values are hostile on purpose. */
export function planLabel(): FieldStats {
  const example = (key: string, offline: string, online: string): Mismatch => ({ key, field: 'plan_label', path: 'plan_label', kind: 'value', offline, online });
  return fieldStats({
    field: 'plan_label',
    compared: COMPARED,
    mismatched: 7,
    examples: [
      example('C000017', ' Basic', 'basic'),
      example(`C-${HOSTILE_SCRIPT}`, HOSTILE_SCRIPT, `${HOSTILE_SCRIPT} `),
      example('C000212', '</style><b>bold</b>', '</STYLE><b>bold</b>'),
      example('C000233 "quoted" & \'single\'', ']]><!-- not a comment -->', ']]&gt;'),
      example('C000250', 'line\u2028separator\u2029paragraph', 'line separator paragraph'),
    ],
    analysis: {
      hints: [{ kind: 'category', message: 'differs only for plan values with padding or upper case: online trims and lower-cases, offline does not', evidence: "7 of 7 mismatching rows have plan in {' Basic', 'BASIC ', 'Standard', …}; 0 of 191 lower-case rows differ", strength: 0.93 }],
      distribution: { count: COMPARED, psi: null, jensenShannon: null, lInfinity: 0.0354 },
      diffHistogram: null,
      scatter: null,
    },
  });
}

/** embedding: 1,024 floats, float32 online; no analysis (vectors are not charted), so the card degrades to examples. */
export function embedding(): FieldStats {
  const random = seededRandom(5);
  const offline = Array.from({ length: 1024 }, () => Number((random() * 2 - 1).toFixed(9)));
  const online = offline.map((v, i) => (i === 412 || i === 413 ? Math.fround(v) + 3e-5 : v));
  return fieldStats({
    field: 'embedding',
    compared: COMPARED,
    mismatched: 3,
    examples: [
      { key: 'C000044', field: 'embedding', path: 'embedding', kind: 'value', offline, online, absDiff: 3.0517578125e-5, detail: 'first difference at [412]' },
      { key: 'C000045', field: 'embedding', path: 'embedding', kind: 'value', offline: offline.slice(0, 1000), online, detail: 'length 1000 offline, 1024 online; first difference at [412]' },
    ],
  });
}

/** spend_ratio: non-finite online values and a number sent as a string; nondeterministic at 1e-12. */
export function spendRatio(): FieldStats {
  return fieldStats({
    field: 'spend_ratio',
    compared: COMPARED,
    mismatched: 3,
    kinds: { value: 2, type: 1 },
    noise: { rate: 0.02, maxAbsDiff: 1e-12, explained: 4 },
    examples: [
      { key: 'C000061', field: 'spend_ratio', path: 'spend_ratio', kind: 'value', offline: 0, online: NaN },
      { key: 'C000062', field: 'spend_ratio', path: 'spend_ratio', kind: 'value', offline: 1.5, online: Infinity, absDiff: Infinity },
      { key: 'C000063', field: 'spend_ratio', path: 'spend_ratio', kind: 'type', offline: 0.5, online: '0.5', detail: 'number offline, string online' },
    ],
  });
}

/** geo: an object feature differing at a nested path, and a field the server dropped. */
export function geo(): FieldStats {
  return fieldStats({
    field: 'geo',
    compared: COMPARED,
    mismatched: 2,
    kinds: { value: 1, missing_online: 1 },
    examples: [
      { ...valueMismatch('C000090', 'geo', 48.8566, 48.86), path: 'geo.lat' },
      { key: 'C000091', field: 'geo', path: 'geo.region', kind: 'missing_online', offline: 'Île-de-France', detail: 'absent in the serving response' },
    ],
  });
}
