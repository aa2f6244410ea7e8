#!/usr/bin/env node
// Checks every zoo pair against its EXPECT.json without the harness: reads the data as the harness types it,
// runs offline.py (whole batch, then row by row where the batch crashes), queries server.js row by row, and
// derives what each check must see — parity on training rows, a generated-row probe (validate-edges.js),
// batch invariance, label invariance and determinism. Serving is spoken to as the config says: the row as JSON
// (the default), or Open Inference Protocol tensors (`preset: 'kserve-v2'`), where a row holding a null is not sent.
// A pair whose offline command reads and writes files (`${input}` / `${output}` in its argv) is run as the harness
// runs it: the rows in a temporary CSV with a header, the features read from the CSV it wrote.
//
//   node specs/zoo/validate-pairs.js [pair ...] [--verbose]
//
// Exit code 0 when every pair behaves as its EXPECT.json says. Needs python3 and node; loads the configs with
// jiti (a dependency of the repository), with `defineConfig` stubbed so that nothing of the harness runs.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { createJiti } = require('jiti');
const { edgeRows } = require('./validate-edges');

const ZOO = __dirname;
const jiti = createJiti(__filename, { virtualModules: { 'skew-harness': { defineConfig: (c) => c } }, moduleCache: false });
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');

// ---------- data, typed as the harness reads it ----------

function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n') record.push(field), records.push(record), (record = []), (field = '');
    else field += c;
  }
  if (field !== '' || record.length > 0) record.push(field), records.push(record);
  return records;
}

const INTEGER = /^[+-]?(0|[1-9][0-9]*)$/;
const NUMBER = /^[+-]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.,][0-9]+)?)?([Zz]|[+-]([01][0-9]|2[0-3])(:?[0-5][0-9])?)?)?$/;

function cellType(text) {
  if (INTEGER.test(text) && Number.isSafeInteger(Number(text))) return 'integer';
  if (NUMBER.test(text)) return 'number';
  if (/^(true|false)$/i.test(text)) return 'boolean';
  if (DATE.test(text)) return 'date';
  return 'string';
}

function readRows(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (/\.jsonl$/.test(file)) return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  const [header, ...records] = parseCsv(text);
  const types = header.map((_, c) => {
    const seen = new Set(records.map((r) => r[c]).filter((v) => v !== '').map(cellType));
    if (seen.size === 1) return [...seen][0];
    return seen.size === 2 && seen.has('integer') && seen.has('number') ? 'number' : 'string';
  });
  const convert = (text, type) =>
    text === '' ? null : type === 'integer' || type === 'number' ? Number(text) : type === 'boolean' ? text.toLowerCase() === 'true' : text;
  return records.map((r) => Object.fromEntries(header.map((name, c) => [name, convert(r[c], types[c])])));
}

// ---------- the two sides ----------

function runOffline(pair, rows) {
  if (isFilePipeline(pair)) return runOfflineFiles(pair, rows);
  return new Promise((resolve) => {
    const child = spawn('python3', ['offline.py'], { cwd: pair.dir });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.stdin.on('error', () => {});
    child.on('close', (code) => {
      const lines = answerLines(out);
      if (code !== 0 || lines.length !== rows.length) return resolve({ crashed: true, message: err.trim().split('\n').at(-1) ?? `exit ${code}` });
      resolve({ crashed: false, results: lines.map(parseFeatures).map((f) => ('$error' in f ? { kind: 'error', message: f.$error } : { kind: 'ok', features: f })) });
    });
    child.stdin.end(rows.map((r) => JSON.stringify(r) + '\n').join(''));
  });
}

// Runs offline.py once per input line inside one Python process (a fresh module namespace each time, stdin and
// stdout swapped for the row): a row alone, as the harness would run it, without paying Python's start-up per row.
const ALONE_DRIVER = `
import io, json, runpy, sys, time, traceback
time.sleep = lambda seconds: None
real_out = sys.stdout
for line in sys.stdin.read().splitlines():
    sys.stdin, sys.stdout = io.StringIO(line + "\\n"), io.StringIO()
    try:
        runpy.run_path("offline.py", run_name="__main__")
        result = {"out": sys.stdout.getvalue()}
    except BaseException as e:
        result = {"error": "".join(traceback.format_exception_only(type(e), e)).strip()}
    sys.stdout = real_out
    print(json.dumps(result), flush=True)
`;

function runAlone(pair, rows) {
  if (isFilePipeline(pair)) return runAloneFiles(pair, rows);
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', ALONE_DRIVER], { cwd: pair.dir });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.resume();
    child.on('close', () => {
      const lines = out.split('\n').filter((l) => l !== '');
      if (lines.length !== rows.length) return reject(new Error(`${pair.name}: alone driver printed ${lines.length} lines for ${rows.length} rows`));
      resolve(lines.map((l) => JSON.parse(l)).map((r) => {
        if ('error' in r) return { kind: 'error', message: r.error };
        const printed = answerLines(r.out);
        if (printed.length !== 1) return { kind: 'error', message: `printed ${printed.length} lines` };
        const f = parseFeatures(printed[0]);
        return '$error' in f ? { kind: 'error', message: f.$error } : { kind: 'ok', features: f };
      }));
    });
    child.stdin.end(rows.map((r) => JSON.stringify(r) + '\n').join(''));
  });
}

// A pipeline's answer lines: its stdout without blank lines, and without the log lines (text that does not start
// like JSON) before its first answer and after its last, which the harness skips too.
function answerLines(out) {
  const lines = out.split('\n').filter((l) => l.trim() !== '');
  const isLog = (l) => !/^\s*[{[]/.test(l);
  let from = 0;
  let to = lines.length;
  while (from < to && isLog(lines[from])) from++;
  while (to > from && isLog(lines[to - 1])) to--;
  return lines.slice(from, to);
}

function parseFeatures(line) {
  // Python writes NaN, Infinity and -Infinity as bare tokens; keep them as strings so they compare as themselves.
  return JSON.parse(line.replace(/(-?Infinity|NaN)(?=\s*[,}\]])/g, '"$1"'));
}

// ---------- a pipeline that reads and writes files (`${input}` / `${output}` in offline.command) ----------

const isFilePipeline = (pair) => (pair.config.offline?.command ?? []).some((arg) => arg.includes('${input}') || arg.includes('${output}'));

// One batch through the command: the rows written to input.csv as the harness writes them (a header of every column
// in order of first appearance, null empty, RFC 4180 quoting), the features read back from output.csv once it exits
// 0 (its stdout is log output). A non-zero exit, no output file or a row count that does not add up is a crash.
function runOfflineFiles(pair, rows) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zoo-files-'));
  const input = path.join(dir, 'input.csv');
  const output = path.join(dir, 'output.csv');
  fs.writeFileSync(input, csvText(rows));
  const [command, ...argv] = pair.config.offline.command.map((a) => a.split('${input}').join(input).split('${output}').join(output));
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: pair.dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      let records = null;
      try {
        records = code === 0 ? readCsvFeatures(fs.readFileSync(output, 'utf8')) : null;
      } catch {
        records = null;
      }
      fs.rmSync(dir, { recursive: true, force: true });
      if (records === null || records.length !== rows.length) return resolve({ crashed: true, message: err.trim().split('\n').at(-1) || `exit ${code}` });
      resolve({ crashed: false, results: records.map((features) => ({ kind: 'ok', features })) });
    });
  });
}

// Each row alone through a Python file pipeline, inside one Python process (as ALONE_DRIVER does for stdin
// pipelines): per input line `{"argv": [...]}`, the script run as __main__ with that argv and its stdout swallowed.
const ALONE_FILES_DRIVER = `
import io, json, runpy, sys, traceback
real_out = sys.stdout
for line in sys.stdin.read().splitlines():
    sys.argv = json.loads(line)["argv"]
    sys.stdout = io.StringIO()
    try:
        runpy.run_path(sys.argv[0], run_name="__main__")
        result = {"ok": True}
    except SystemExit as e:
        result = {"ok": True} if e.code in (None, 0) else {"error": f"exit {e.code}"}
    except BaseException as e:
        result = {"error": "".join(traceback.format_exception_only(type(e), e)).strip()}
    sys.stdout = real_out
    print(json.dumps(result), flush=True)
`;

/** Each row alone through a file pipeline: in one Python process for `python3 script.py …`, else one process per row. */
async function runAloneFiles(pair, rows) {
  const [command, script, ...rest] = pair.config.offline.command;
  if (!/^python3?$/.test(path.basename(command)) || !script || script.startsWith('-')) {
    return mapLimit(rows, 4, async (row) => {
      const result = await runOfflineFiles(pair, [row]);
      return result.crashed ? { kind: 'error', message: result.message } : result.results[0];
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zoo-files-'));
  try {
    const jobs = rows.map((row, i) => {
      const input = path.join(dir, `input-${i}.csv`);
      const output = path.join(dir, `output-${i}.csv`);
      fs.writeFileSync(input, csvText([row]));
      return { output, argv: [script, ...rest].map((a) => a.split('${input}').join(input).split('${output}').join(output)) };
    });
    const out = await new Promise((resolve) => {
      const child = spawn(command, ['-c', ALONE_FILES_DRIVER], { cwd: pair.dir });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.resume();
      child.on('close', () => resolve(text));
      child.stdin.end(jobs.map((j) => JSON.stringify({ argv: j.argv }) + '\n').join(''));
    });
    const lines = out.split('\n').filter((l) => l !== '');
    if (lines.length !== rows.length) throw new Error(`${pair.name}: alone driver printed ${lines.length} lines for ${rows.length} rows`);
    return lines.map((l, i) => {
      const r = JSON.parse(l);
      if ('error' in r) return { kind: 'error', message: r.error };
      let records;
      try {
        records = readCsvFeatures(fs.readFileSync(jobs[i].output, 'utf8'));
      } catch (e) {
        return { kind: 'error', message: `no readable output file: ${e.message}` };
      }
      return records.length === 1 ? { kind: 'ok', features: records[0] } : { kind: 'error', message: `wrote ${records.length} rows` };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function csvText(rows) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v) => {
    const text = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(',') || '""')];
  return lines.join('\r\n') + '\r\n';
}

// The output CSV's rows as feature objects, cells read as the harness reads them: empty → null, numbers, true/false,
// nan/inf (kept as the strings 'NaN' / 'Infinity', as Python's JSON tokens are above); an unnamed column is dropped.
function readCsvFeatures(text) {
  const [header, ...records] = parseCsv(text.replace(/\r\n/g, '\n')).filter((r) => !(r.length === 1 && r[0] === ''));
  const value = (t) => {
    if (t === '') return null;
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return Number(t);
    const lower = t.toLowerCase();
    if (lower === 'true' || lower === 'false') return lower === 'true';
    const special = { nan: 'NaN', inf: 'Infinity', infinity: 'Infinity', '-inf': '-Infinity', '-infinity': '-Infinity' };
    return Object.hasOwn(special, lower) ? special[lower] : t;
  };
  return records.map((r) => {
    if (r.length !== header.length) throw new Error('ragged output CSV');
    return Object.fromEntries(header.flatMap((name, c) => (name.trim() === '' ? [] : [[name, value(r[c])]])));
  });
}

/** Offline results row by row: the whole batch when it runs, each row alone where it crashes. */
async function offlineRows(pair, rows) {
  const batch = await runOffline(pair, rows);
  return batch.crashed ? runAlone(pair, rows) : batch.results;
}

function post(port, urlPath, row) {
  return new Promise((resolve) => {
    const body = JSON.stringify(row);
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let raw = '';
      res.on('data', (d) => (raw += d));
      res.on('end', () => resolve({ status: res.statusCode, body: raw }));
    });
    req.on('error', (e) => resolve({ status: 0, body: e.message }));
    req.end(body);
  });
}

async function onlineRows(pair, rows) {
  return mapLimit(rows, 8, async (row) => {
    const request = pair.protocol.request(row);
    if (request.unsendable) return { kind: 'skipped', message: request.unsendable };
    const { status, body } = await post(pair.port, pair.urlPath, request.body);
    if (status !== 200) return { kind: 'error', status, message: body.slice(0, 120) };
    const features = pair.protocol.features(JSON.parse(body));
    return features && typeof features === 'object' ? { kind: 'ok', features } : { kind: 'error', status, message: 'no features object' };
  });
}

/**
 * How serving is spoken to: `{ path(url), readyPath(url), request(row), features(body) }`. The default posts the row
 * without its label and reads `response.path`; `preset: 'kserve-v2'` sends one `[1, 1]` tensor per column (key and
 * label left out; booleans BOOL, strings BYTES, numbers FP64 unless `kserve.datatypes` says otherwise) and reads
 * every output tensor by its name. A null cannot be a tensor element: that row is not sent (`unsendable`), so it is
 * neither compared nor serving's error, as the harness counts it.
 */
function servingProtocol(serving, key, label) {
  if (serving.preset === 'kserve-v2') {
    const settings = serving.kserve;
    const model = `/v2/models/${encodeURIComponent(settings.model)}${settings.version === undefined ? '' : `/versions/${encodeURIComponent(settings.version)}`}`;
    const base = (url) => url.pathname.replace(/\/+$/, '') + model;
    const datatype = (column, value) =>
      settings.datatypes?.[column] ?? (typeof value === 'boolean' ? 'BOOL' : typeof value === 'string' ? 'BYTES' : typeof value === 'number' ? 'FP64' : null);
    return {
      path: (url) => `${base(url)}/infer`,
      readyPath: (url) => `${base(url)}/ready`,
      request: (row) => {
        const inputs = [];
        for (const [name, value] of Object.entries(row)) {
          if (name === key || name === label) continue;
          if (value === null) return { unsendable: `column ${JSON.stringify(name)} is null` };
          const data = Array.isArray(value) ? value : [value];
          const type = datatype(name, data[0]);
          if (type === null) return { unsendable: `column ${JSON.stringify(name)} holds no tensor element` };
          inputs.push({ name, shape: [1, data.length], datatype: type, data });
        }
        return { body: { inputs } };
      },
      features: (body) => {
        if (!Array.isArray(body?.outputs)) return null;
        return Object.fromEntries(body.outputs.map((o) => {
          const data = o.data.flat(Infinity);
          return [o.name, data.length === 1 ? data[0] : data];
        }));
      },
    };
  }
  const responsePath = serving.response?.path ?? 'features';
  return {
    path: (url) => url.pathname,
    readyPath: null,
    request: (row) => ({ body: Object.fromEntries(Object.entries(row).filter(([k]) => k !== label)) }),
    features: (body) => {
      let features = body;
      for (const step of responsePath.split('.').filter(Boolean)) features = features?.[step];
      return features;
    },
  };
}

async function startServer(pair) {
  pair.port = await freePort();
  const url = new URL(pair.config.serving.url.replace('${port}', pair.port));
  pair.urlPath = pair.protocol.path(url);
  pair.server = spawn(...pair.config.serving.start.command.slice(0, 1), pair.config.serving.start.command.slice(1), {
    cwd: pair.dir,
    env: { ...process.env, PORT: String(pair.port) },
    stdio: 'ignore',
  });
  pair.server.on('exit', (code, signal) => (pair.serverExit = `${code ?? signal}`));
  const readyUrl = pair.config.serving.start.readyUrl;
  const ready = readyUrl ? new URL(readyUrl.replace('${port}', pair.port)) : new URL(pair.protocol.readyPath(url), url);
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((resolve) => http.get(ready, (res) => (res.resume(), resolve(res.statusCode === 200))).on('error', () => resolve(false)));
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${pair.name}: server never became ready`);
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }));
  return out;
}

// ---------- comparison (the README's default policy: abs 1e-9, rel 1e-9 on non-integers) ----------

function policyFor(pair, field) {
  const configured = pair.config.compare?.fields?.[field] ?? {};
  return { abs: 1e-9, rel: 1e-9, ...configured, relOnIntegers: 'rel' in configured };
}

function sameValue(a, b, policy) {
  if (a === 'NaN' && b === 'NaN') return true;
  if (typeof a === 'number' && typeof b === 'number') {
    const diff = Math.abs(a - b);
    if (a === b || diff <= policy.abs) return true;
    const integers = Number.isInteger(a) && Number.isInteger(b);
    return (!integers || policy.relOnIntegers) && diff <= policy.rel * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i], policy));
  if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** Fields that differ between two feature objects (present on one side only counts, but a key column echoed back
 * by one side only is no feature, as the harness reads it). */
function diffFields(pair, a, b) {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  const echoedKey = (f) => [pair.key].flat().includes(f) && (!(f in a) || !(f in b));
  return [...fields].filter((f) => !echoedKey(f) && (!(f in a) || !(f in b) || !sameValue(a[f], b[f], policyFor(pair, f))));
}

// ---------- what each check must see ----------

class Findings {
  constructor() {
    this.byCheck = new Map();
  }
  add(check, field, example, cause) {
    if (!this.byCheck.has(check)) this.byCheck.set(check, new Map());
    const fields = this.byCheck.get(check);
    if (!fields.has(field)) fields.set(field, { count: 0, example, causes: new Set() });
    fields.get(field).count++;
    if (cause) fields.get(field).causes.add(cause);
  }
  fields(check) {
    return [...(this.byCheck.get(check)?.keys() ?? [])].sort();
  }
}

function compareSides(pair, found, check, rows, left, right, describe) {
  rows.forEach((row, i) => {
    const [a, b] = [left[i], right[i]];
    if (a.kind === 'ok' && b.kind === 'ok') {
      for (const f of diffFields(pair, a.features, b.features)) found.add(check, f, `${describe(row, i)}: ${show(a.features[f])} vs ${show(b.features[f])}`);
    }
  });
}

const show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v));

// validate-edges.js takes a date column's layout from its first value and knows `Z` and naive timestamps only. Where
// that value has a `+hh:mm` offset and other rows are written with `Z` (the harness writes its date edges with `Z`
// then too), a `Z` row is put first for the probe; any other data is passed on as it is.
function zFirst(rows) {
  const offset = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{2}:?\d{2}$/;
  const utc = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
  let out = rows;
  for (const column of Object.keys(rows[0] ?? {})) {
    const first = out.find((r) => r[column] !== null && r[column] !== undefined)?.[column];
    const zRow = typeof first === 'string' && offset.test(first) ? out.find((r) => typeof r[column] === 'string' && utc.test(r[column])) : undefined;
    if (zRow) out = [zRow, ...out.filter((r) => r !== zRow)];
  }
  return out;
}

async function checkPair(pair) {
  const found = new Findings();
  const rows = pair.rows;
  const [offline, online] = await Promise.all([offlineRows(pair, rows), onlineRows(pair, rows)]);
  const keyOf = (row) => [pair.key].flat().map((k) => String(row[k])).join('|');
  compareSides(pair, found, 'parity', rows, offline, online, keyOf);
  // Not a finding: fields whose values are not identical but within tolerance (float noise), for the summary.
  const noisy = new Set();
  rows.forEach((_, i) => {
    if (offline[i].kind !== 'ok' || online[i].kind !== 'ok') return;
    for (const [f, v] of Object.entries(offline[i].features)) if (typeof v === 'number' && v !== online[i].features[f] && !diffFields(pair, { [f]: v }, { [f]: online[i].features[f] }).length) noisy.add(f);
  });
  const offlineErrorKeys = rows.filter((_, i) => offline[i].kind === 'error').map(keyOf);
  const onlineErrorKeys = rows.filter((_, i) => online[i].kind === 'error').map(keyOf);
  const notSent = online.filter((r) => r.kind === 'skipped').length;

  // Generated rows: single-column edge values on three complete training rows both sides compute.
  const complete = rows.filter((r, i) => offline[i].kind === 'ok' && online[i].kind === 'ok' && Object.values(r).every((v) => v !== null));
  const bases = complete.slice(0, 3);
  const probes = edgeRows(zFirst(rows), bases, [pair.key, pair.label].flat().filter(Boolean));
  const probeRows = probes.map((p) => p.row);
  const [gOff, gOn] = await Promise.all([offlineRows(pair, probeRows), onlineRows(pair, probeRows)]);
  let infra = 0;
  let bothReject = 0;
  let probesNotSent = 0;
  probes.forEach((p, i) => {
    const [a, b] = [gOff[i], gOn[i]];
    const where = `${p.column}=${p.value}`;
    if (b.kind === 'skipped') return probesNotSent++;
    if (b.kind === 'error' && (b.status >= 500 || b.status === 0)) return infra++;
    if (a.kind === 'error' && b.kind === 'error') bothReject++;
    if (a.kind === 'ok' && b.kind === 'ok') for (const f of diffFields(pair, a.features, b.features)) found.add('generated-parity', f, `${where}: ${show(a.features[f])} vs ${show(b.features[f])}`, where);
    else if ((a.kind === 'error') !== (b.kind === 'error')) found.add('generated-parity', '(row)', `${where}: ${a.kind === 'error' ? 'offline rejects: ' + a.message : 'serving rejects: ' + b.message}`, where);
  });

  // batch-invariance: 20 rows alone vs in their batch; label-invariance: 200 rows with the label flipped.
  const twenty = rows.slice(0, 20);
  const alone = await runAlone(pair, twenty);
  compareSides(pair, found, 'batch-invariance', twenty, await offlineRows(pair, twenty), alone, keyOf);
  if (pair.label) {
    const some = rows.slice(0, 200);
    const labels = [...new Set(some.map((r) => JSON.stringify(r[pair.label])))].map((t) => JSON.parse(t));
    const flip = (v, i) => (labels.length === 2 ? (JSON.stringify(v) === JSON.stringify(labels[0]) ? labels[1] : labels[0]) : some[(i + 1) % some.length][pair.label]);
    const flipped = some.map((r, i) => ({ ...r, [pair.label]: flip(r[pair.label], i) }));
    compareSides(pair, found, 'label-invariance', some, await offlineRows(pair, some), await offlineRows(pair, flipped), keyOf);
  }
  // determinism: each side twice on 50 rows.
  const fifty = rows.slice(0, 50);
  compareSides(pair, found, 'determinism', fifty, await offlineRows(pair, fifty), await offlineRows(pair, fifty), (r) => `offline ${keyOf(r)}`);
  compareSides(pair, found, 'determinism', fifty, await onlineRows(pair, fifty), await onlineRows(pair, fifty), (r) => `online ${keyOf(r)}`);
  return { found, noisy: [...noisy].sort(), offlineErrorKeys, onlineErrorKeys, infra, bothReject, probes: probes.length, rows: rows.length, notSent, probesNotSent };
}

// ---------- judging against EXPECT.json ----------

function judge(pair, result) {
  const expect = pair.expect;
  const problems = [];
  const listed = (list, check) => (list ?? []).filter((f) => f.check === check).flatMap((f) => f.fields);
  const checks = ['parity', 'generated-parity', 'batch-invariance', 'label-invariance', 'determinism'];
  for (const check of checks) {
    const must = listed(expect.findings, check);
    const may = listed(expect.alsoAllowed, check);
    const seen = result.found.fields(check);
    for (const f of must) if (!seen.includes(f)) problems.push(`${check}: expected ${f} to differ, it does not`);
    for (const f of seen) if (!must.includes(f) && !may.includes(f)) problems.push(`${check}: ${f} differs but EXPECT.json does not allow it (${result.found.byCheck.get(check).get(f).example})`);
  }
  const sameKeys = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...(b ?? [])].sort());
  if (!sameKeys(result.offlineErrorKeys, expect.offlineErrorKeys)) problems.push(`offline errors on ${result.offlineErrorKeys.join(', ') || 'no row'}, expected ${(expect.offlineErrorKeys ?? []).join(', ') || 'none'}`);
  if (!sameKeys(result.onlineErrorKeys, expect.onlineErrorKeys)) problems.push(`online errors on ${result.onlineErrorKeys.join(', ') || 'no row'}, expected ${(expect.onlineErrorKeys ?? []).join(', ') || 'none'}`);
  if (expect.clean !== (expect.findings.length === 0)) problems.push('EXPECT.json: clean must be true exactly when findings is empty');
  if (expect.exit !== (expect.clean ? 0 : 1)) problems.push('EXPECT.json: exit must be 0 for a clean pair and 1 otherwise');
  return problems;
}

async function main() {
  const names = args.filter((a) => !a.startsWith('--'));
  const dirs = fs.readdirSync(ZOO).filter((d) => fs.existsSync(path.join(ZOO, d, 'EXPECT.json'))).filter((d) => names.length === 0 || names.includes(d));
  let failed = 0;
  for (const name of dirs) {
    const dir = path.join(ZOO, name);
    const configFile = fs.readdirSync(dir).find((f) => /^skew\.config\.(ts|js|json)$/.test(f));
    const config = jiti(path.join(dir, configFile));
    const resolved = config.default ?? config;
    const key = resolved.source.key;
    const label = resolved.source.label;
    const pair = {
      name,
      dir,
      config: resolved,
      key,
      label,
      rows: readRows(path.join(dir, resolved.source.path)),
      expect: JSON.parse(fs.readFileSync(path.join(dir, 'EXPECT.json'), 'utf8')),
      protocol: servingProtocol(resolved.serving, key, label),
    };
    await startServer(pair);
    try {
      const result = await checkPair(pair);
      const problems = judge(pair, result);
      if (pair.serverExit !== undefined) problems.push(`the server process exited (${pair.serverExit}) during the run`);
      failed += problems.length > 0 ? 1 : 0;
      const summary = [...result.found.byCheck].map(([check, fields]) => `${check}: ${[...fields].map(([f, s]) => `${f} (${s.count})`).join(', ')}`).join('; ');
      const notSent = result.notSent || result.probesNotSent ? `; not sent, a null in a tensor: ${result.notSent} rows, ${result.probesNotSent} probe rows` : '';
      console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}: ${result.rows} rows, ${result.probes} probe rows (${result.bothReject} rejected by both, ${result.infra} got a 5xx${notSent})${summary ? ' — ' + summary : ' — no differences'}`);
      if (result.noisy.length) console.log(`       within tolerance but not identical on training rows: ${result.noisy.join(', ')}`);
      for (const p of problems) console.log(`       ${p}`);
      if (verbose) for (const [check, fields] of result.found.byCheck) for (const [f, s] of fields) console.log(`       ${check} ${f}: e.g. ${s.example}${s.causes.size ? `\n         on ${[...s.causes].join(' | ').slice(0, 600)}` : ''}`);
    } finally {
      pair.server.kill();
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
