// Online features for the late-return model: POST /features with one rental as JSON.
const http = require('node:http');

const STATIONS = ['Central Park', 'Harbor', 'University', 'Old Town', 'Airport'];
const REQUIRED = { started_at: 'string', station: 'string', rider_type: 'string', duration_min: 'number' };
const NULLABLE = { temp_c: 'number', rain_mm: 'number' };

function validate(r) {
  for (const [name, type] of Object.entries({ ...REQUIRED, ...NULLABLE })) {
    if (!(name in r)) return `missing field ${name}`;
    if (r[name] === null && name in NULLABLE) continue;
    if (typeof r[name] !== type) return `${name} must be a ${type}`;
  }
  if (Number.isNaN(Date.parse(r.started_at))) return 'started_at is not a timestamp';
  if (r.duration_min < 0) return 'duration_min must be >= 0';
  return null;
}

function features(r) {
  const started = new Date(r.started_at);
  const day = started.getUTCDay();
  return {
    start_hour: started.getUTCHours(),
    is_weekend: day === 0 || day === 6,
    station_idx: STATIONS.indexOf(r.station),
    is_member: r.rider_type === 'member',
    duration_log: Math.log1p(r.duration_min),
    temp_c: r.temp_c,
    is_raining: r.rain_mm !== null && r.rain_mm > 0,
  };
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') return send(res, 200, { ok: true });
    if (req.method !== 'POST' || req.url !== '/features') return send(res, 404, { error: 'not found' });
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      let row;
      try {
        row = JSON.parse(raw);
      } catch {
        return send(res, 400, { error: 'body is not JSON' });
      }
      const problem = validate(row);
      if (problem) return send(res, 400, { error: problem });
      send(res, 200, { features: features(row) });
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
