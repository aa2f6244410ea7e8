// Card churn features for the retention API: the account as it is right now.
const http = require('node:http');

const DAY_MS = 86_400_000;

function check(a) {
  if (typeof a.opened_on !== 'string' || Number.isNaN(Date.parse(a.opened_on))) return 'opened_on must be a date';
  if (typeof a.credit_limit !== 'number' || a.credit_limit <= 0) return 'credit_limit must be positive';
  if (typeof a.balance !== 'number') return 'balance must be a number';
  if (typeof a.n_cards !== 'number') return 'n_cards must be a number';
  return null;
}

function features(a) {
  return {
    account_age_days: Math.floor((Date.now() - Date.parse(a.opened_on)) / DAY_MS),
    utilization: a.balance / a.credit_limit,
    is_overlimit: a.balance > a.credit_limit,
    in_credit: a.balance < 0,
    n_cards: Math.trunc(a.n_cards),
    autopay: a.autopay === true,
  };
}

const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  if (req.method === 'GET' && req.url === '/healthz') return res.end('{"status":"ok"}');
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    const account = JSON.parse(raw || '{}');
    const problem = check(account);
    if (problem) {
      res.statusCode = 400;
      return res.end(JSON.stringify({ error: problem }));
    }
    res.end(JSON.stringify({ features: features(account) }));
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`card features on ${process.env.PORT}`));
