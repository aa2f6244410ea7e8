import type { AnalysisInput } from '../../../harness/analysis/analysis-input';
import type { Hint } from '../../../harness/core/field-analysis';
import { cardFraudDatasets } from './card-fraud-datasets';
import { buildInput, column, seeded, type RowSpec } from './hint-fixtures';

/**
 * Datasets where the real cause of a skew sits beside something that looks like a cause: a column correlated
 * with it, several time zones, mixed units, a rare category that coincides, or pure noise. Generated
 * deterministically (seeded), so the table of right / absent / wrong top hints is the same on every run.
 */
export interface ConfoundedDataset {
  name: string;
  /** What is planted, and what confounds it. */
  story: string;
  field: string;
  input: AnalysisInput;
  /** Whether a hint names the real cause (or something equally true of these rows). */
  isRight: (hint: Hint) => boolean;
}

/** Standard (winter) offsets in hours, as a serving table that forgets daylight saving time would hold them. */
export const STANDARD_OFFSETS: Readonly<Record<string, number>> = {
  'America/New_York': -5,
  'America/Los_Angeles': -8,
  'Europe/Berlin': 1,
  'Asia/Tokyo': 9,
  'Asia/Dubai': 4,
  'Asia/Singapore': 8,
  UTC: 0,
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Hour of the day (0–23) of an instant in an IANA time zone, daylight saving time included. */
export function localHour(ms: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return Number(f.format(new Date(ms)));
}

const YEAR_START = Date.UTC(2024, 0, 1);
const YEAR_MS = 366 * 86_400_000;

/** Mixed zones, a serving DST bug: online adds each zone's standard offset, offline the true local offset. */
function mixedZonesDst(): ConfoundedDataset {
  const random = seeded(101);
  const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo'];
  const specs: RowSpec[] = Array.from({ length: 1000 }, () => {
    const zone = random.next() < 0.05 ? 'UTC' : random.pick(zones);
    const ms = YEAR_START + Math.floor(random.next() * YEAR_MS);
    const online = (new Date(ms).getUTCHours() + STANDARD_OFFSETS[zone]! + 24) % 24;
    const inputs = { customer_tz: zone, event_time: new Date(ms).toISOString(), plan: random.pick(['basic', 'pro']), amount: Math.round(random.uniform(1, 500)) };
    return { inputs, offline: localHour(ms, zone), online };
  });
  return {
    name: 'mixed zones, DST ignored online',
    story: 'five zones (UTC only 5% of rows); lower-case letters in customer_tz coincide with "not UTC"',
    field: 'hour_local',
    input: buildInput(specs, { field: 'hour_local' }),
    isRight: (h) => (h.kind === 'offset_by_segment' || h.kind === 'timezone_offset') && /daylight/.test(h.message),
  };
}

/**
 * One zone, a serving DST bug, and a column with a handful of values (a borough) that has nothing to do with it:
 * every borough is off by the same hour in summer, so the hint is daylight saving time, not "depends on borough".
 * (Found on the zoo's taxi pair, where the per-segment reading claimed the borough.)
 */
function oneZoneDstWithBoroughs(): ConfoundedDataset {
  const random = seeded(404);
  const boroughs = ['Manhattan', 'Brooklyn', 'Queens', 'Bronx', 'Staten Island'];
  const specs: RowSpec[] = Array.from({ length: 600 }, () => {
    const ms = YEAR_START + Math.floor(random.next() * YEAR_MS);
    const online = (new Date(ms).getUTCHours() + STANDARD_OFFSETS['America/New_York']! + 24) % 24;
    return { inputs: { borough: random.pick(boroughs), pickup_at: new Date(ms).toISOString() }, offline: localHour(ms, 'America/New_York'), online };
  });
  return {
    name: 'one zone, DST ignored online, boroughs beside it',
    story: 'every row in New York; five boroughs, all off by one hour from March to November',
    field: 'pickup_hour',
    input: buildInput(specs, { field: 'pickup_hour' }),
    isRight: (h) => /daylight/.test(h.message) && !/depends on borough|per borough/.test(h.message),
  };
}

/** Online forgets the zone (UTC hour); zones without DST; `region` is correlated with the zone. */
function zoneOffsets(): ConfoundedDataset {
  const random = seeded(202);
  const zones = ['Asia/Tokyo', 'Asia/Dubai', 'Asia/Singapore', 'UTC'];
  const regionOf: Record<string, string> = { 'Asia/Tokyo': 'APAC', 'Asia/Singapore': 'APAC', 'Asia/Dubai': 'MEA', UTC: 'GLOBAL' };
  const specs: RowSpec[] = Array.from({ length: 800 }, () => {
    const zone = random.pick(zones);
    const ms = YEAR_START + Math.floor(random.next() * YEAR_MS);
    const region = random.next() < 0.9 ? regionOf[zone]! : random.pick(['APAC', 'MEA', 'GLOBAL']);
    return { inputs: { customer_tz: zone, region, event_time: new Date(ms).toISOString() }, offline: localHour(ms, zone), online: new Date(ms).getUTCHours() };
  });
  return {
    name: 'offset per zone',
    story: 'serving uses the UTC hour; region is 90% determined by the zone',
    field: 'hour_local',
    input: buildInput(specs, { field: 'hour_local' }),
    isRight: (h) => h.kind === 'offset_by_segment' && /depends on customer_tz/.test(h.message),
  };
}

/** Nulls imputed differently; `channel` is "legacy" on most null rows (and on a few others). */
function correlatedNull(): ConfoundedDataset {
  const random = seeded(303);
  const specs: RowSpec[] = Array.from({ length: 800 }, () => {
    const isNull = random.next() < 0.1;
    const channel = isNull ? (random.next() < 0.95 ? 'legacy' : random.pick(['web', 'app'])) : random.next() < 0.02 ? 'legacy' : random.pick(['web', 'app']);
    const income = isNull ? null : Math.round(random.uniform(1000, 90000));
    const z = income === null ? 0 : Math.round(((income - 45000) / 26000) * 1e6) / 1e6;
    return { inputs: { income, channel }, offline: income === null ? 0.31 : z, online: z };
  });
  return {
    name: 'null imputation, correlated channel',
    story: 'income null → mean offline, 0 online; channel = legacy on 95% of null rows and 2% of the others',
    field: 'income_z',
    input: buildInput(specs, { field: 'income_z', columns: [column('income', 'number'), column('channel', 'string')] }),
    isRight: (h) => h.kind === 'null_input' && /income is null/.test(h.message),
  };
}

/** Weights in grams on some rows; serving forgets to convert them; `country` is correlated with the unit. */
function mixedUnits(): ConfoundedDataset {
  const random = seeded(404);
  const specs: RowSpec[] = Array.from({ length: 900 }, () => {
    const country = random.pick(['US', 'DE', 'FR']);
    const unit = random.next() < (country === 'DE' ? 0.9 : 0.05) ? 'g' : 'kg';
    const kg = Math.round(random.uniform(1, 80) * 100) / 100;
    return { inputs: { weight: unit === 'g' ? kg * 1000 : kg, unit, country }, offline: kg, online: unit === 'g' ? kg * 1000 : kg };
  });
  return {
    name: 'mixed units',
    story: 'unit g on 90% of DE rows and 5% of others; serving skips g → kg',
    field: 'weight_kg',
    input: buildInput(specs, { field: 'weight_kg' }),
    isRight: (h) => h.kind === 'constant_ratio' || ((h.kind === 'category' || h.kind === 'offset_by_segment') && /\bunit\b/.test(h.message)),
  };
}

/** Serving clips income to 150000; a rare category `vip` holds most clipped rows (and a few others). */
function clippedWithRareCategory(): ConfoundedDataset {
  const random = seeded(505);
  const specs: RowSpec[] = Array.from({ length: 1000 }, () => {
    const high = random.next() < 0.05;
    const income = high ? Math.round(random.uniform(150_001, 400_000)) : Math.round(random.uniform(5_000, 149_000));
    const tier = random.next() < (high ? 0.93 : 0.025) ? 'vip' : random.pick(['std', 'plus']);
    return { inputs: { income, tier }, offline: income, online: Math.min(income, 150_000) };
  });
  return {
    name: 'clipping, rare category coincides',
    story: 'online clips income at 150000; tier vip on 93% of clipped rows and 2.5% of others',
    field: 'income_feature',
    input: buildInput(specs, { field: 'income_feature' }),
    isRight: (h) => h.kind === 'clipping',
  };
}

/** Random rows get a little noise online: no input condition, no relation. */
function pureNoise(): ConfoundedDataset {
  const random = seeded(606);
  const specs: RowSpec[] = Array.from({ length: 600 }, () => {
    const x = Math.round(random.uniform(-50, 50) * 100) / 100;
    const noisy = random.next() < 0.12;
    const inputs = {
      x,
      plan: random.pick(['basic', 'pro', 'team', 'Free']),
      customer_tz: random.pick(['UTC', 'Europe/Berlin', 'Asia/Tokyo']),
      day: new Date(YEAR_START + random.int(366) * 86_400_000).toISOString().slice(0, 10),
    };
    return { inputs, offline: x * 2, online: noisy ? x * 2 + random.uniform(-3, 3) : x * 2 };
  });
  return {
    name: 'pure noise',
    story: '12% of rows get uniform noise online, independent of every input',
    field: 'x2',
    input: buildInput(specs, { field: 'x2' }),
    isRight: () => false,
  };
}

/**
 * A model server returns a float64 feature as float32: most rows as the shortest decimal of the float32 (as
 * TF Serving prints it), Java clients as the exact widened double. Whole-dollar amounts are exact in both (no
 * mismatch), and the mismatching rows lean towards the `web` channel, which has more fractional amounts.
 */
function float32Widening(): ConfoundedDataset {
  const random = seeded(808);
  const specs: RowSpec[] = Array.from({ length: 800 }, () => {
    const channel = random.pick(['web', 'web', 'app', 'store']);
    const whole = random.next() < (channel === 'web' ? 0.1 : 0.6);
    const amount = whole ? Math.round(random.uniform(1, 900)) : Math.round(random.uniform(1, 900) * 100) / 100;
    const offline = amount / 7;
    const single = Math.fround(offline);
    const online = channel === 'app' ? single : shortestFloat32(single);
    return { inputs: { amount, channel }, offline, online };
  });
  return {
    name: 'float32 widening',
    story: 'online returns float32 (shortest decimal, or widened exactly on app); channel web has more fractional amounts',
    field: 'amount_per_item',
    input: buildInput(specs, { field: 'amount_per_item' }),
    isRight: (h) => h.kind === 'float32_widening',
  };
}

/** The shortest decimal that reads back as the float32 `single`, as a double (what float32 serialisers print). */
function shortestFloat32(single: number): number {
  for (let digits = 1; digits <= 9; digits++) {
    const decimal = Number(single.toPrecision(digits));
    if (Math.fround(decimal) === single) return decimal;
  }
  return single;
}

/** log(income) at income <= 0: -Infinity / NaN offline, null online; `employment` = student is correlated. */
function mathDomain(): ConfoundedDataset {
  const random = seeded(707);
  const specs: RowSpec[] = Array.from({ length: 700 }, () => {
    const bad = random.next() < 0.07;
    const income = bad ? random.pick([0, 0, -120, -35.5]) : Math.round(random.uniform(100, 90_000));
    const employment = random.next() < (bad ? 0.8 : 0.1) ? 'student' : random.pick(['employed', 'self']);
    return { inputs: { income, employment }, offline: Math.log(income), online: income > 0 ? Math.log(income) : null };
  });
  return {
    name: 'log at zero and negatives',
    story: 'offline numpy log gives -Infinity / NaN, serving null; employment = student on 80% of those rows',
    field: 'log_income',
    input: buildInput(specs, { field: 'log_income' }),
    isRight: (h) => h.kind === 'math_domain' && /income/.test(h.message),
  };
}

/** Index encoding: offline index = sorted vocabulary, online = first-seen order. */
function vocabularyOrder(): ConfoundedDataset {
  const random = seeded(808);
  const plans = ['pro', 'basic', 'free', 'enterprise'];
  const sorted = [...plans].sort();
  const specs: RowSpec[] = Array.from({ length: 600 }, (_, i) => {
    const plan = i < plans.length ? plans[i]! : random.pick(plans);
    return { inputs: { plan, seats: 1 + random.int(40) }, offline: sorted.indexOf(plan), online: plans.indexOf(plan) };
  });
  return {
    name: 'vocabulary order',
    story: 'plan index: sorted offline, first-seen online; free keeps its index so it matches',
    field: 'plan_index',
    input: buildInput(specs, { field: 'plan_index' }),
    isRight: (h) => h.kind === 'vocabulary_order' || (h.kind === 'category' && /\bplan\b/.test(h.message)),
  };
}

/** Every confounded dataset, in a fixed order. */
export function confoundedDatasets(): ConfoundedDataset[] {
  return [mixedZonesDst(), oneZoneDstWithBoroughs(), zoneOffsets(), correlatedNull(), mixedUnits(), clippedWithRareCategory(), pureNoise(), mathDomain(), vocabularyOrder(), float32Widening(), ...cardFraudDatasets()];
}
