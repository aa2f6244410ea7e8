// No-show model inputs for the overbooking service. Responds { model_inputs, request_id }.
const http = require('node:http');
const { randomUUID } = require('node:crypto');

const CABINS = ['economy', 'premium', 'business'];
const REQUIRED = ['booked_at', 'departure_date', 'cabin', 'fare_usd', 'days_to_departure', 'n_passengers'];

function bookingWindow(days) {
  if (days < 7) return 0;
  if (days < 14) return 1;
  if (days < 30) return 2;
  if (days < 60) return 3;
  return 4;
}

function modelInputs(b) {
  const weekday = new Date(b.departure_date).getUTCDay();
  return {
    booking_window: bookingWindow(b.days_to_departure),
    fare_per_pax: b.fare_usd / b.n_passengers,
    cabin_idx: CABINS.indexOf(b.cabin),
    departs_weekend: weekday === 0 || weekday === 6,
    booked_hour: new Date(b.booked_at).getUTCHours(),
  };
}

http
  .createServer((req, res) => {
    const json = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/healthz') return json(200, { ok: true });
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const booking = JSON.parse(raw);
      const missing = REQUIRED.filter((f) => booking[f] == null);
      if (missing.length) return json(400, { error: `missing ${missing.join(', ')}` });
      if (!Number.isInteger(booking.n_passengers) || booking.n_passengers < 1) return json(400, { error: 'n_passengers must be a positive integer' });
      json(200, { model_inputs: modelInputs(booking), request_id: randomUUID() });
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
