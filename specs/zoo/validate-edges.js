// Edge values for the zoo validator's generated-row probe: an independent, simplified copy of the kinds of
// values the harness's generated-parity check draws (null, missing, numeric edges, string variants, date edges).
// It does not import the harness, so it can check a pair's EXPECT.json without trusting the code under test.
'use strict';

const MISSING = Symbol('missing');
const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/** Column kinds of typed rows, as the harness infers them: integer, number, boolean, date, category, string, json. */
function profileColumns(rows, skip) {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((n) => !skip.includes(n));
  return names.map((name) => {
    const values = rows.map((r) => r[name]).filter((v) => v !== null && v !== undefined);
    const kinds = new Set(values.map(kindOf));
    let kind = kinds.size === 1 ? [...kinds][0] : kinds.size === 2 && kinds.has('integer') && kinds.has('number') ? 'number' : 'string';
    if (kind === 'string') {
      const distinct = new Set(values.map((v) => String(v).trim().toLowerCase()));
      if (distinct.size <= 50 && distinct.size <= values.length / 2) kind = 'category';
    }
    return { name, kind, values };
  });
}

function kindOf(v) {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/.test(v) ? 'date' : 'string';
  return 'json';
}

function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}

function decimalsOf(x) {
  const text = String(x);
  return text.includes('e') ? 0 : (text.split('.')[1] ?? '').length;
}

function numericEdges(values, integral) {
  const sorted = [...values].sort((a, b) => a - b);
  const decimals = integral ? 0 : Math.max(0, ...values.map(decimalsOf));
  const unit = 10 ** -decimals;
  const round = (x) => Number(x.toFixed(decimals));
  const median = quantile(sorted, 0.5);
  const edges = [0, round(-unit), round(unit), round(-median), sorted[0], sorted.at(-1), round(sorted[0] - unit), round(sorted.at(-1) + unit)];
  edges.push(...QUANTILES.map((q) => quantile(sorted, q)), round(median - unit), round(median + unit));
  if (integral) edges.push(2.5, -2.5, 0.5, 2 ** 31, 2 ** 24 + 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MAX_SAFE_INTEGER);
  else edges.push(2 ** 24 + 1, 3.5e38, 1e-300, 1e308, -1e308);
  return edges.map((v) => (Object.is(v, -0) ? 0 : v));
}

function stringEdges(values, category) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const vocabulary = [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
  const core = (vocabulary.find((v) => v === v.trim()) ?? 'text').trim() || 'text';
  const edges = [''];
  if (category) {
    const taken = new Set(vocabulary.map((v) => v.trim().toLowerCase()));
    const fresh = /^[A-Za-z]{1,3}$/.test(core) ? 'X'.repeat(core.length) : ['enterprise', 'unknown', 'other'].find((w) => !taken.has(w));
    edges.push(core === core.toUpperCase() ? fresh.toUpperCase() : fresh, `${core}_v2`);
  }
  const title = core.toLowerCase().replace(/(^|[\s_-])(\p{L})/gu, (_, b, l) => b + l.toUpperCase());
  edges.push(core.toUpperCase(), core.toLowerCase(), title, ` ${core}`, `${core} `, `\t${core}`, `${core}\u00a0`, `${core}\u200b`, ' ');
  edges.push('José'.normalize('NFC'), 'José'.normalize('NFD'), core.repeat(Math.ceil(1000 / core.length)).slice(0, 1000));
  // Categories also get their seen values; free text gets random printable text (as fast-check's fc.string does).
  edges.push(...(category ? vocabulary : ['a b', '{value', '%^', '12', ' x ']));
  return edges;
}

function dateEdges(values) {
  const sample = values[0];
  const dateOnly = sample.length === 10;
  const seconds = /T\d{2}:\d{2}:\d{2}/.test(sample);
  const zone = sample.endsWith('Z') ? 'Z' : '';
  const fmt = (ms) => {
    const iso = new Date(ms).toISOString();
    return dateOnly ? iso.slice(0, 10) : `${iso.slice(0, seconds ? 19 : 16)}${zone}`;
  };
  const ms = values.map((v) => Date.parse(dateOnly || zone ? v : `${v}Z`)).sort((a, b) => a - b);
  const step = dateOnly ? 86_400_000 : seconds ? 1000 : 60_000;
  const year = new Date(ms.at(-1)).getUTCFullYear();
  const moments = [ms[0], ms.at(-1), ms[0] - step, ms.at(-1) + step, Date.UTC(year, 0, 1), Date.UTC(year, 11, 31, 23, 59, 59)];
  moments.push(Date.UTC(year, 0, 31, 23, 59, 59), Date.UTC(year, 3, 30, 23, 59, 59), Date.UTC(2023, 1, 28, 23, 59, 59), Date.UTC(2024, 1, 29));
  // US and EU daylight-saving switches of the last year: half an hour after (zoned) or inside the switched hour.
  for (const [month, day, utcHour] of [[2, nthSunday(year, 2, 2), 7.5], [10, nthSunday(year, 10, 1), 6.5], [2, lastSunday(year, 2), 1.5], [9, lastSunday(year, 9), 1.5]]) {
    moments.push(Date.UTC(year, month, day) + (zone ? utcHour : 2.5) * 3_600_000);
  }
  moments.push(0, Date.UTC(1900, 0, 1), Date.UTC(2099, 11, 31, 23, 59, 59));
  return moments.map(fmt);
}

function nthSunday(year, month, n) {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + 7 * (n - 1);
}

function lastSunday(year, month) {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** Edge values of one profiled column (null and a missing column first). */
function edgeValues(column) {
  const head = [null, MISSING];
  switch (column.kind) {
    case 'integer':
    case 'number':
      return [...head, ...numericEdges(column.values, column.values.every(Number.isInteger))];
    case 'category':
    case 'string':
      return [...head, ...stringEdges(column.values.map(String), column.kind === 'category')];
    case 'date':
      return [...head, ...dateEdges(column.values)];
    case 'boolean':
      return [...head, false, true];
    default:
      // The harness also draws random small JSON values here (fast-check jsonValue): a few of their shapes.
      return [...head, {}, [], '', 0, [null], [1, 'a'], [{}], { key: null }, true, -1.5, 'x', [[]]];
  }
}

/**
 * Probe rows: each base row with one input column set to each of its edge values. Returns
 * `[{ row, column, value }]`, value shown as text (`(missing)` for a dropped column).
 */
function edgeRows(rows, baseRows, skip) {
  const probes = [];
  for (const column of profileColumns(rows, skip)) {
    for (const value of edgeValues(column)) {
      for (const base of baseRows) {
        const row = structuredClone(base);
        if (value === MISSING) delete row[column.name];
        else row[column.name] = value;
        const shown = value === MISSING ? '(missing)' : JSON.stringify(value).slice(0, 40);
        probes.push({ row, column: column.name, value: shown });
      }
    }
  }
  return probes;
}

module.exports = { edgeRows, profileColumns };
