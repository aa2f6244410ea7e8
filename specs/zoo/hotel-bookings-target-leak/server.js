// Cancellation-risk features when a booking is made (the booking engine calls this synchronously).
const http = require('node:http');

const DAY = 24 * 3600 * 1000;

function bookingFeatures(b) {
  return {
    lead_time_days: Math.round((new Date(b.arrival_date) - new Date(b.booked_on)) / DAY),
    party_size: b.adults + (b.children || 0),
    adr: b.adr,
    is_resort: b.hotel === 'Resort Hotel',
    has_deposit: b.deposit_type !== 'No Deposit',
    guest_cancel_rate: b.previous_cancellations / (b.previous_bookings + 1),
  };
}

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.statusCode = 200;
    return res.end('healthy');
  }
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ features: bookingFeatures(JSON.parse(body)) }));
  });
});
server.listen(process.env.PORT, '127.0.0.1');
