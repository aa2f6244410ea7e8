// Late-delivery features at checkout time.
const http = require('node:http');

const CUISINE_INDEX = { pizza: 1, sushi: 2, burger: 3, thai: 4, indian: 5, mexican: 6, salad: 7 };
const COURIER_INDEX = { bike: 1, scooter: 2, car: 3 };

function orderFeatures(o) {
  const raining = Boolean(o.raining);
  return {
    cuisine_idx: CUISINE_INDEX[o.cuisine] ?? -1,
    courier_idx: COURIER_INDEX[o.courier_type] ?? 0,
    hour_utc: Number(o.placed_at.slice(11, 13)),
    basket_eur: o.basket_eur,
    eta_min: 12 + o.distance_km * 3.2 + (raining ? 5 : 0),
    raining,
  };
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return res.writeHead(200).end();
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    try {
      const features = orderFeatures(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ features }));
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'feature computation failed', detail: err.message }));
    }
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
