// Conversion-model features for the live session, with the duration scaler exported from the training job.
const http = require('node:http');

const DURATION_MEAN = 197.216;
const DURATION_STD = 234.04099030725365;

function validate(s) {
  if (typeof s.duration_s !== 'number') return 'duration_s must be a number';
  if (typeof s.pages_viewed !== 'number') return 'pages_viewed must be a number';
  if (typeof s.started_at !== 'string') return 'started_at must be a timestamp';
  return null;
}

const features = (s) => ({
  duration_z: (s.duration_s - DURATION_MEAN) / DURATION_STD,
  pages_per_min: (s.pages_viewed / Math.max(s.duration_s, 1)) * 60,
  is_mobile: s.device === 'mobile',
  from_search: ['google', 'bing'].includes(s.referrer),
  start_hour: new Date(s.started_at).getUTCHours(),
});

http
  .createServer((req, res) => {
    const respond = (status, payload) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.url === '/healthz') return respond(200, { healthy: true });
    const parts = [];
    req.on('data', (p) => parts.push(p));
    req.on('end', () => {
      const session = JSON.parse(Buffer.concat(parts).toString('utf8'));
      const error = validate(session);
      return error ? respond(400, { error }) : respond(200, { features: features(session) });
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
