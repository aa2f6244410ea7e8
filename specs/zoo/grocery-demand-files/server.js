// Pricing service: demand features for one store/SKU/day, computed at request time for the forecast model.
// The nightly training job computes the same features in batch (features.py).
const http = require('node:http');

const LIST_PRICE = { 'MLK-1L': 1.19, 'BRD-WHT': 2.49, 'BAN-KG': 1.79, 'EGG-12': 3.29, 'YOG-500': 1.99, 'COF-250': 5.49, 'OLV-500': 7.99, 'SAL-200': 12.49 };
const PRICE_BAND_EDGES = [1.0, 2.5, 5.0, 10.0]; // bands 0..4: <1, 1-2.5, 2.5-5, 5-10, 10+
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

// The request's trading day as a UTC midnight, or null when it is not a calendar date.
function tradingDay(text) {
  const m = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!m) return null;
  const [year, month, day] = m.slice(1).map(Number);
  if (year < 1) return null; // no year 0 in the calendar the batch job uses
  const at = new Date(Date.UTC(year, month - 1, day));
  at.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return at;
}

function problem(req) {
  if (typeof req.store_id !== 'string' || !/^S[0-9]{2}$/.test(req.store_id)) return `bad store_id ${JSON.stringify(req.store_id)}`;
  if (typeof req.sku !== 'string' || !Object.hasOwn(LIST_PRICE, req.sku)) return `unknown sku ${JSON.stringify(req.sku)}`;
  if (tradingDay(req.date) === null) return `date must be YYYY-MM-DD, got ${JSON.stringify(req.date)}`;
  if (req.promo !== 0 && req.promo !== 1) return `promo must be 0 or 1, got ${JSON.stringify(req.promo)}`;
  const price = req.price ?? null; // optional: the till may not know the shelf price
  if (price !== null && (typeof price !== 'number' || !Number.isFinite(price) || price <= 0)) return `price must be a positive number, got ${JSON.stringify(price)}`;
  return null;
}

function features(req) {
  const weekday = tradingDay(req.date).getUTCDay();
  const price = req.price ?? LIST_PRICE[req.sku];
  return {
    day_of_week: weekday,
    is_weekend: weekday === 0 || weekday === 6 ? 1 : 0,
    price_filled: price,
    price_imputed: req.price == null ? 1 : 0,
    price_band: PRICE_BAND_EDGES.filter((edge) => edge <= price).length,
    promo_price: req.promo === 1 ? price : 0,
  };
}

http
  .createServer((req, res) => {
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/healthz') return reply(200, { ok: true });
    if (req.method !== 'POST' || req.url !== '/features') return reply(404, { error: 'not found' });
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        return reply(400, { error: 'invalid json' });
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return reply(400, { error: 'expected a JSON object' });
      const why = problem(body);
      if (why) return reply(400, { error: why });
      reply(200, { features: features(body) });
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
