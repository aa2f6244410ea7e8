// Fraud-model features for a claim as the claims portal submits it (fields may be null or left out).
const http = require('node:http');

const REGION_CODES = new Map([['north', 0], ['south', 1], ['east', 2], ['west', 3], ['unknown', 4]]);
const DAY_MS = 24 * 60 * 60 * 1000;

const daysBetween = (start, end) => (start == null || end == null ? null : (Date.parse(end) - Date.parse(start)) / DAY_MS);

function features(c) {
  const amount = c.claim_amount ?? 0;
  const vehicleAge = c.vehicle_age ?? -1;
  return {
    claim_amount: amount,
    vehicle_age: vehicleAge,
    amount_per_vehicle_year: amount / Math.max(vehicleAge, 1),
    region_code: REGION_CODES.get(c.region ?? 'unknown') ?? -1,
    prior_claims_capped: Math.min(c.prior_claims ?? 0, 5),
    has_police_report: c.police_report === true,
    policy_age_days: daysBetween(c.policy_start, c.incident_date),
  };
}

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const claim = JSON.parse(Buffer.concat(chunks).toString());
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ features: features(claim) }));
    });
  })
  .listen(process.env.PORT, '127.0.0.1');
