import type { ConfoundedDataset } from './confounded-datasets';
import { buildInput, seeded, type RowSpec } from './hint-fixtures';

/**
 * The cases a reviewer met on an independent card-fraud repo, as confounded datasets: a vocabulary permuted in
 * full (every category moves, so no row matches), clipping on a small sample with only two rows below the lower
 * bound, log(0) with no binning anywhere, and a ÷100 unit bug beside clipping.
 */

/** Merchant category index: sorted offline, first-seen online; every category moves; country tracks category. */
function fullVocabularyPermutation(): ConfoundedDataset {
  const random = seeded(909);
  const categories = ['travel', 'grocery', 'electronics', 'fuel', 'dining'];
  const sorted = [...categories].sort();
  const countryOf: Record<string, string> = { travel: 'JP', grocery: 'US', fuel: 'US', electronics: 'DE', dining: 'FR' };
  const specs: RowSpec[] = Array.from({ length: 300 }, (_, i) => {
    const category = i < categories.length ? categories[i]! : random.pick(categories);
    const country = random.next() < 0.9 ? countryOf[category]! : random.pick(['JP', 'US', 'DE', 'FR']);
    return { inputs: { merchant_category: category, country, amount: Math.round(random.uniform(1, 900)) }, offline: sorted.indexOf(category), online: categories.indexOf(category) };
  });
  return {
    name: 'full vocabulary permutation',
    story: 'merchant_category index: sorted offline, first-seen online, every category moves; country 90% tied to it',
    field: 'merchant_category_index',
    input: buildInput(specs, { field: 'merchant_category_index' }),
    isRight: (h) => h.kind === 'vocabulary_order' && /sorted order/.test(h.message) && /first-seen order/.test(h.message),
  };
}

/** Utilization clamped to [0, 1] online on 120 rows: two rows below 0, the rest of the clipped ones above 1. */
function smallSampleClipping(): ConfoundedDataset {
  const random = seeded(1212);
  const specs: RowSpec[] = Array.from({ length: 120 }, (_, i) => {
    const x = i < 2 ? -Math.round(random.uniform(0.01, 0.3) * 100) / 100 : random.next() < 0.12 ? Math.round(random.uniform(1.01, 1.9) * 100) / 100 : Math.round(random.uniform(0, 0.99) * 100) / 100;
    return { inputs: { balance: Math.round(x * 5000), limit: 5000, country: random.pick(['US', 'JP', 'DE']) }, offline: x, online: Math.min(1, Math.max(0, x)) };
  });
  return {
    name: 'clipping, 2 rows below the bound, n=120',
    story: 'utilization clamped to [0, 1] online; only two rows below 0; truncation toward zero fits the clipped rows too',
    field: 'utilization',
    input: buildInput(specs, { field: 'utilization' }),
    isRight: (h) => h.kind === 'clipping',
  };
}

/** log(income) offline is null at 0 (pandas), online 0; no column is binned. */
function logAtZeroNoBinning(): ConfoundedDataset {
  const random = seeded(1313);
  const specs: RowSpec[] = Array.from({ length: 400 }, () => {
    const income = random.next() < 0.08 ? 0 : Math.round(random.uniform(500, 120_000));
    const log = income > 0 ? Math.log(income) : null;
    return { inputs: { income, tenure_years: random.int(30) }, offline: log, online: log ?? 0 };
  });
  return {
    name: 'log at zero, no binning',
    story: 'log(income) is null offline and 0 online where income = 0; income = 0 is not a bin edge',
    field: 'log_income',
    input: buildInput(specs, { field: 'log_income' }),
    isRight: (h) => h.kind === 'math_domain' && /income/.test(h.message),
  };
}

/** Offline in percent (a ÷100 forgotten), online a fraction clamped to [0, 1]: every row differs by × 100 but the clamped ones. */
function percentWithClipping(): ConfoundedDataset {
  const random = seeded(1414);
  const specs: RowSpec[] = Array.from({ length: 300 }, () => {
    const x = random.next() < 0.04 ? Math.round(random.uniform(1.01, 1.5) * 1000) / 1000 : Math.round(random.uniform(0.001, 0.999) * 1000) / 1000;
    return { inputs: { balance: Math.round(x * 8000), country: random.pick(['US', 'JP']) }, offline: Math.round(x * 100 * 1000) / 1000, online: Math.min(1, x) };
  });
  return {
    name: '÷100 beside clipping',
    story: 'offline utilization in percent, online a fraction clamped at 1 (4% of rows above 1)',
    field: 'utilization',
    input: buildInput(specs, { field: 'utilization' }),
    isRight: (h) => h.kind === 'constant_ratio' && /percent/.test(h.message),
  };
}

/** The reviewer's card-fraud cases, in a fixed order. */
export function cardFraudDatasets(): ConfoundedDataset[] {
  return [fullVocabularyPermutation(), smallSampleClipping(), logAtZeroNoBinning(), percentWithClipping()];
}
