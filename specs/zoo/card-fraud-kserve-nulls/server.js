// The card-fraud model's preprocessing, served over the Open Inference Protocol (KServe v2 REST):
// POST /v2/models/fraud/infer with one [n, 1] tensor per input column, answered with one [n, 1] tensor per feature.
// Requests are checked the way Triton/MLServer check them: every declared input, its datatype, its shape.
const http = require('node:http');

const MODEL = 'fraud';
const VERSION = '3';
const MCC_CODES = [5411, 5812, 5541, 5999, 4121, 5732, 7995]; // order is the embedding index: do not reorder
const HOME_COUNTRY = 'DE';
const AMOUNT_FILL = 32.06; // median of the non-null training amounts
const EVENT_TIME = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$/;

const INPUTS = [
  { name: 'card_id', datatype: 'BYTES', shape: [-1, 1] },
  { name: 'event_time', datatype: 'BYTES', shape: [-1, 1] },
  { name: 'amount', datatype: 'FP64', shape: [-1, 1] },
  { name: 'merchant_category', datatype: 'FP64', shape: [-1, 1] },
  { name: 'country', datatype: 'BYTES', shape: [-1, 1] },
];
const OUTPUTS = [
  { name: 'hour_utc', datatype: 'INT64', shape: [-1, 1] },
  { name: 'is_night', datatype: 'BOOL', shape: [-1, 1] },
  { name: 'log_amount', datatype: 'FP64', shape: [-1, 1] },
  { name: 'mcc_idx', datatype: 'INT64', shape: [-1, 1] },
  { name: 'is_domestic', datatype: 'BOOL', shape: [-1, 1] },
];

function isElement(value, datatype) {
  if (datatype === 'BYTES') return typeof value === 'string';
  if (datatype === 'FP64') return typeof value === 'number' && Number.isFinite(value);
  return false;
}

function daysInMonth(year, month) {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

// The whole ISO timestamp, on the calendar, with an offset; null when it is not one.
function parseEventTime(text) {
  const m = EVENT_TIME.exec(text);
  if (!m) return null;
  const [year, month, day] = m.slice(1, 4).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, at: new Date(text) };
}

// Why this transaction cannot be scored, or null.
function problem(txn) {
  if (txn.card_id === '') return 'card_id must be a non-empty string';
  const time = parseEventTime(txn.event_time);
  if (time === null) return `event_time is not an ISO timestamp with an offset: ${JSON.stringify(txn.event_time)}`;
  if (time.year < 2000 || time.year > 2099) return `event_time ${txn.event_time} is outside 2000-2099 (gateway clock not set)`;
  if (txn.amount !== null && txn.amount < 0) return `amount must be a non-negative number, got ${txn.amount}`;
  if (!MCC_CODES.includes(txn.merchant_category)) return `unknown merchant_category ${txn.merchant_category}`;
  if (!/^[A-Z]{2}$/.test(txn.country)) return `country must be an ISO 3166 alpha-2 code, got ${JSON.stringify(txn.country)}`;
  return null;
}

function features(txn) {
  const hour = new Date(txn.event_time).getUTCHours();
  const amount = txn.amount ?? AMOUNT_FILL;
  return {
    hour_utc: hour,
    is_night: hour < 6 || hour >= 22,
    log_amount: Math.log1p(amount),
    mcc_idx: MCC_CODES.indexOf(txn.merchant_category),
    is_domestic: txn.country === HOME_COUNTRY,
  };
}

class BadRequest extends Error {}

// The request's input tensors as one object per row; throws BadRequest on anything the model does not declare.
function readInputs(body) {
  if (typeof body !== 'object' || body === null || !Array.isArray(body.inputs)) throw new BadRequest('Unrecognized request format: "inputs" must be an array');
  const columns = new Map();
  let rows = null;
  for (const input of body.inputs) {
    const spec = INPUTS.find((s) => s.name === input?.name);
    if (!spec) throw new BadRequest(`unexpected inference input '${input?.name}' for model '${MODEL}'`);
    if (columns.has(spec.name)) throw new BadRequest(`input '${spec.name}' given twice`);
    if (input.datatype !== spec.datatype) throw new BadRequest(`inference input '${spec.name}' data-type is '${input.datatype}', but model '${MODEL}' expects '${spec.datatype}'`);
    const shape = input.shape;
    if (!Array.isArray(shape) || shape.length !== 2 || !Number.isInteger(shape[0]) || shape[0] < 0 || shape[1] !== 1) {
      throw new BadRequest(`unexpected shape for input '${spec.name}' for model '${MODEL}'. Expected [-1,1], got ${JSON.stringify(shape)}`);
    }
    if (!Array.isArray(input.data)) throw new BadRequest(`inference input '${spec.name}' has no "data" array`);
    const data = input.data.flat(Infinity);
    if (data.length !== shape[0]) throw new BadRequest(`unexpected number of elements for input '${spec.name}': shape ${JSON.stringify(shape)} holds ${shape[0]}, got ${data.length}`);
    const bad = data.find((v) => !isElement(v, spec.datatype));
    if (bad !== undefined) throw new BadRequest(`unable to parse 'data': expected ${spec.datatype} elements for input '${spec.name}', got ${JSON.stringify(bad)}`);
    if (rows !== null && shape[0] !== rows) throw new BadRequest(`inputs have different batch sizes (${rows} and ${shape[0]})`);
    rows = shape[0];
    columns.set(spec.name, data);
  }
  const missing = INPUTS.find((s) => !columns.has(s.name));
  if (missing) throw new BadRequest(`expected ${INPUTS.length} inputs but got ${columns.size} inputs for model '${MODEL}': missing '${missing.name}'`);
  return Array.from({ length: rows }, (_, i) => Object.fromEntries(INPUTS.map((s) => [s.name, columns.get(s.name)[i]])));
}

function infer(body) {
  const txns = readInputs(body);
  txns.forEach((txn, i) => {
    const why = problem(txn);
    if (why) throw new BadRequest(`row ${i}: ${why}`);
  });
  const requested = Array.isArray(body.outputs) ? body.outputs.map((o) => o?.name) : OUTPUTS.map((o) => o.name);
  const unknown = requested.find((name) => !OUTPUTS.some((o) => o.name === name));
  if (unknown !== undefined) throw new BadRequest(`unexpected inference output '${unknown}' for model '${MODEL}'`);
  const rows = txns.map(features);
  const outputs = OUTPUTS.filter((o) => requested.includes(o.name)).map((o) => ({
    name: o.name,
    datatype: o.datatype,
    shape: [rows.length, 1],
    data: rows.map((row) => row[o.name]),
  }));
  return { model_name: MODEL, model_version: VERSION, ...(typeof body.id === 'string' ? { id: body.id } : {}), outputs };
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const MODEL_PATH = `/v2/models/${MODEL}`;

http
  .createServer((req, res) => {
    const url = req.url.split('?')[0];
    if (req.method === 'GET') {
      if (url === '/v2/health/live') return send(res, 200, { live: true });
      if (url === '/v2/health/ready') return send(res, 200, { ready: true });
      if (url === `${MODEL_PATH}/ready` || url === `${MODEL_PATH}/versions/${VERSION}/ready`) return send(res, 200, { name: MODEL, ready: true });
      if (url === MODEL_PATH || url === `${MODEL_PATH}/versions/${VERSION}`) {
        return send(res, 200, { name: MODEL, versions: [VERSION], platform: 'node', inputs: INPUTS, outputs: OUTPUTS });
      }
      return send(res, 404, { error: `not found: ${url}` });
    }
    if (req.method !== 'POST' || (url !== `${MODEL_PATH}/infer` && url !== `${MODEL_PATH}/versions/${VERSION}/infer`)) {
      return send(res, 404, { error: `Model with name ${url} not found` });
    }
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, { error: 'Unrecognized request format: the body is not JSON' });
      }
      try {
        send(res, 200, infer(body));
      } catch (error) {
        if (error instanceof BadRequest) return send(res, 400, { error: error.message });
        throw error;
      }
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
