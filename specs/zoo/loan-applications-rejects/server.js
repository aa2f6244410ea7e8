// Scoring API, feature step: validates an application against the credit policy's input rules (400 with the
// reason), then computes the default model's features.
const http = require('node:http');

const EMPLOYMENT = ['salaried', 'self_employed', 'contractor', 'retired'];
const TERMS = [12, 24, 36, 48, 60];
const MONTHLY_RATE = 0.089 / 12;
const MEDIAN_SCORE = 690;
const isNum = (x) => typeof x === 'number';

function rejection(a) {
  for (const col of ['applied_on', 'applicant_age', 'annual_income', 'loan_amount', 'term_months', 'employment_type', 'credit_score']) {
    if (a[col] === undefined) return `missing ${col}`;
  }
  if (typeof a.applied_on !== 'string') return 'applied_on must be a date';
  if (!(isNum(a.applicant_age) && a.applicant_age >= 18 && a.applicant_age <= 100)) return 'applicant_age outside 18-100';
  if (!(isNum(a.annual_income) && a.annual_income > 0)) return 'annual_income must be positive';
  if (!(isNum(a.loan_amount) && a.loan_amount > 0 && a.loan_amount <= 1e6)) return 'loan_amount outside (0, 1e6]';
  if (!TERMS.includes(a.term_months)) return 'term_months not offered';
  if (typeof a.employment_type !== 'string') return 'employment_type must be text';
  if (a.credit_score !== null && !(isNum(a.credit_score) && a.credit_score >= 300 && a.credit_score <= 850)) return 'credit_score outside 300-850';
  return null;
}

function features(a) {
  const payment = (a.loan_amount * MONTHLY_RATE) / (1 - Math.pow(1 + MONTHLY_RATE, -a.term_months));
  const age = a.applicant_age;
  return {
    dti: a.loan_amount / a.annual_income,
    monthly_payment: payment,
    payment_to_income: (payment * 12) / a.annual_income,
    income_log: Math.log(a.annual_income),
    age_band: age < 25 ? 0 : age < 40 ? 1 : age < 60 ? 2 : 3,
    credit_score: a.credit_score ?? MEDIAN_SCORE,
    has_credit_score: a.credit_score !== null,
    employment_idx: EMPLOYMENT.indexOf(a.employment_type),
    applied_month: new Date(a.applied_on).getUTCMonth() + 1,
  };
}

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') return json(res, 200, { ok: true });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      let app;
      try {
        app = JSON.parse(body);
      } catch {
        return json(res, 400, { error: 'malformed JSON' });
      }
      const why = rejection(app);
      if (why) return json(res, 400, { error: why });
      json(res, 200, { features: features(app) });
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
