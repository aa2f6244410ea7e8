// Real-time fraud features for card authorisations.
const http = require('node:http');

const MCC = ['grocery', 'fuel', 'travel', 'dining', 'online', 'utilities'];
const BUCKET_CENTS = 2500;

function features(t) {
  const posted = new Date(t.posted_at);
  return {
    amount_usd: t.amount_cents / 100,
    amount_bucket: Math.trunc(t.amount_cents / BUCKET_CENTS),
    tenure_years: Math.floor(t.account_tenure_months / 12),
    mcc_idx: MCC.indexOf(t.merchant_category),
    hour_utc: posted.getUTCHours(),
    is_night: posted.getUTCHours() < 6,
    is_international: t.is_international === true,
  };
}

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('OK');
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ features: features(JSON.parse(body)) }));
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
