// Pricing-assistant features for a listing being edited (mileage and owners are optional in the form).
const http = require('node:http');

const MAKES = ['VW', 'BMW', 'Toyota', 'Ford', 'Renault', 'Fiat', 'Tesla'];
const SCHEMA = {
  listed_on: ['string', false],
  make: ['string', false],
  model_year: ['number', false],
  mileage_km: ['number', true],
  asking_price_eur: ['number', false],
  fuel: ['string', false],
  owners: ['number', true],
};

function schemaError(car) {
  for (const [field, [type, nullable]] of Object.entries(SCHEMA)) {
    if (!(field in car)) return `${field} is required`;
    if (car[field] === null && nullable) continue;
    if (typeof car[field] !== type) return `${field} must be a ${type}${nullable ? ' or null' : ''}`;
  }
  if (car.asking_price_eur <= 0) return 'asking_price_eur must be positive';
  return null;
}

function features(car) {
  const age = Math.max(new Date(car.listed_on).getUTCFullYear() - car.model_year, 0);
  const mileage = car.mileage_km ?? 0;
  return {
    car_age: age,
    mileage_km: mileage,
    km_per_year: mileage / (age + 1),
    price_log: Math.log(car.asking_price_eur),
    is_electric: car.fuel === 'electric',
    owners: car.owners ?? 1,
    make_idx: MAKES.indexOf(car.make),
  };
}

http
  .createServer((req, res) => {
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/healthz') return reply(200, { ok: 1 });
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      let car;
      try {
        car = JSON.parse(text);
      } catch {
        return reply(400, { error: 'invalid json' });
      }
      const error = schemaError(car);
      if (error) return reply(400, { error });
      reply(200, { features: features(car) });
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
