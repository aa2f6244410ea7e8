// Tip-model features at dispatch. Time features in New York time.
const http = require('node:http');

const NEW_YORK = 'Etc/GMT+5'; // New York is UTC-5
const clock = new Intl.DateTimeFormat('en-US', { timeZone: NEW_YORK, hour: 'numeric', hourCycle: 'h23', weekday: 'short' });
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const RUSH_HOURS = [7, 8, 9, 16, 17, 18];

function features(trip) {
  const parts = Object.fromEntries(clock.formatToParts(new Date(trip.pickup_at)).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour);
  const weekday = WEEKDAYS.indexOf(parts.weekday);
  return {
    pickup_hour: hour,
    pickup_weekday: weekday,
    is_rush_hour: weekday < 5 && RUSH_HOURS.includes(hour),
    is_airport: trip.pickup_borough === 'EWR',
    distance_log: Math.log1p(trip.trip_distance_mi),
    passengers: trip.passenger_count || 1,
    pays_card: trip.payment_type === 'card',
  };
}

http
  .createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200);
      return res.end();
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        const out = JSON.stringify({ features: features(JSON.parse(body)) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(out);
      } catch (err) {
        console.error(err);
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(err) }));
      }
    });
  })
  .listen(process.env.PORT, '127.0.0.1');
