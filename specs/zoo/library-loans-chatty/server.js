// Online features for the overdue model: POST /features with one loan as JSON.
const http = require('node:http');

const BRANCHES = ['Main', 'Riverside', 'Hillcrest', 'Eastgate'];
const LOAN_DAYS = { book: 21, dvd: 7, audiobook: 21, magazine: 14 };

function problem(loan) {
  for (const name of ['borrowed_on', 'branch', 'item_format', 'renewals', 'holds_waiting']) {
    if (loan[name] === undefined || loan[name] === null) return `${name} is required`;
  }
  if (!(loan.item_format in LOAN_DAYS)) return `unknown format ${loan.item_format}`;
  if (typeof loan.renewals !== 'number' || typeof loan.holds_waiting !== 'number') return 'counts must be numbers';
  if (loan.renewals < 0 || loan.holds_waiting < 0) return 'negative count';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(loan.borrowed_on) || Number.isNaN(Date.parse(loan.borrowed_on))) return 'borrowed_on is not a date';
  return null;
}

function features(loan) {
  const weekday = new Date(`${loan.borrowed_on}T00:00:00Z`).getUTCDay();
  const age = loan.patron_age ?? null;
  return {
    loan_days: LOAN_DAYS[loan.item_format] * (1 + Math.min(loan.renewals, 3)),
    borrow_weekday: weekday === 0 ? 7 : weekday,
    branch_idx: BRANCHES.indexOf(loan.branch),
    is_minor: age !== null && age < 18,
    age_band: age === null ? -1 : Math.min(Math.floor(age / 15), 5),
    contended: loan.holds_waiting > 0,
  };
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return res.end('ok');
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    let loan;
    try {
      loan = JSON.parse(body);
    } catch {
      res.statusCode = 400;
      return res.end(JSON.stringify({ error: 'body is not JSON' }));
    }
    const why = problem(loan);
    res.setHeader('content-type', 'application/json');
    if (why) {
      res.statusCode = 400;
      return res.end(JSON.stringify({ error: why }));
    }
    res.end(JSON.stringify({ features: features(loan) }));
  });
});

server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => console.log(`listening on ${process.env.PORT}`));
