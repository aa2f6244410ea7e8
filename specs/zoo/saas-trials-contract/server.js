// Sales-assist API: trial features for the conversion model (v2 payload).
const http = require('node:http');

const INDUSTRIES = ['fintech', 'retail', 'healthcare', 'education', 'logistics', 'media'];
const DAY_MS = 86_400_000;

function validationError(t) {
  if (!Array.isArray(t.integrations) || !t.integrations.every((x) => typeof x === 'string')) return 'integrations must be a list of names';
  if (!Number.isInteger(t.seats_invited) || t.seats_invited < 0) return 'seats_invited must be a non-negative integer';
  if (!Number.isInteger(t.company_size) || t.company_size < 1) return 'company_size must be a positive integer';
  if (typeof t.mrr_estimate !== 'number' || t.mrr_estimate < 0) return 'mrr_estimate must be a non-negative number';
  if (![t.industry, t.signup_at, t.trial_end].every((v) => typeof v === 'string')) return 'industry, signup_at and trial_end must be text';
  return null;
}

function features(t) {
  return {
    seats_invited: t.seats_invited,
    integration_count: t.integrations.length,
    trial_days: Math.round((Date.parse(t.trial_end) - Date.parse(t.signup_at.slice(0, 10))) / DAY_MS),
    industry_idx: INDUSTRIES.indexOf(t.industry),
    mrr_per_seat: (t.mrr_estimate / Math.max(t.seats_invited, 1)).toFixed(2),
    company_size_log: Math.log1p(t.company_size),
  };
}

const server = http.createServer((req, res) => {
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && req.url === '/healthz') return send(200, { status: 'ok' });
  if (req.method !== 'POST') return send(405, { error: 'method not allowed' });
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let trial;
    try {
      trial = JSON.parse(Buffer.concat(chunks).toString());
    } catch {
      return send(400, { error: 'invalid JSON body' });
    }
    const error = validationError(trial);
    if (error) return send(400, { error });
    send(200, { features: features(trial) });
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
