// Late-delivery features at label-printing time.
const http = require('node:http');

const CARRIERS = ['UPS', 'DHL', 'GLS', 'DPD', 'FedEx'];
const DAY_MS = 86_400_000;

function validate(p) {
  for (const field of ['shipped_on', 'promised_on']) {
    if (typeof p[field] !== 'string' || Number.isNaN(Date.parse(p[field]))) return `${field} must be a date`;
  }
  if (!CARRIERS.includes(p.carrier)) return `unknown carrier ${p.carrier}`;
  if (typeof p.service !== 'string') return 'service must be a string';
  if (typeof p.weight_kg !== 'number' || typeof p.distance_km !== 'number') return 'weight_kg and distance_km must be numbers';
  return null;
}

function features(p) {
  const shipped = new Date(p.shipped_on);
  return {
    promised_days: Math.round((Date.parse(p.promised_on) - shipped.getTime()) / DAY_MS),
    ship_weekday: (shipped.getUTCDay() + 6) % 7,
    carrier_idx: CARRIERS.indexOf(p.carrier),
    is_express: p.service.toLowerCase() === 'express',
    weight_capped: Math.min(p.weight_kg, 30),
    distance_100km: p.distance_km / 100,
  };
}

const server = http.createServer((req, res) => {
  const send = (code, obj) => {
    res.statusCode = code;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(obj));
  };
  if (req.url === '/healthz') return send(200, { up: true });
  let data = '';
  req.on('data', (c) => (data += c));
  req.on('end', () => {
    let parcel;
    try {
      parcel = JSON.parse(data);
    } catch (e) {
      return send(400, { error: e.message });
    }
    const error = validate(parcel);
    send(error ? 400 : 200, error ? { error } : { features: features(parcel) });
  });
});
server.listen(+process.env.PORT, '127.0.0.1');
