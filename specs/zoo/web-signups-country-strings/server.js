// Trial-conversion features, called by the signup service right after the form is submitted.
const http = require('node:http');

const COUNTRY_INDEX = new Map(Object.entries({ US: 1, DE: 2, FR: 3, GB: 4, NL: 5, ES: 6 }));
const PLAN_INDEX = new Map(Object.entries({ free: 0, pro: 1, team: 2 }));
const MEDIAN_AGE = 35;

function invalid(s) {
  for (const field of ['signed_up_at', 'country', 'plan']) if (typeof s[field] !== 'string') return `${field} must be text`;
  if (!(s.referral_code === null || typeof s.referral_code === 'string')) return 'referral_code must be text or null';
  if (!(s.age === null || typeof s.age === 'number')) return 'age must be a number or null';
  return null;
}

function features(s) {
  return {
    country_idx: COUNTRY_INDEX.get(s.country.toUpperCase()) ?? 0,
    plan_idx: PLAN_INDEX.get(s.plan.trim().toLowerCase()) ?? -1,
    has_referral: (s.referral_code ?? '').trim() !== '',
    age: s.age ?? MEDIAN_AGE,
    age_missing: s.age === null,
    signup_hour: new Date(s.signed_up_at).getUTCHours(),
  };
}

http
  .createServer((req, res) => {
    const out = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/healthz') return out(200, { status: 'up' });
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      let signup;
      try {
        signup = JSON.parse(raw);
      } catch {
        return out(400, { error: 'bad json' });
      }
      const error = invalid(signup);
      return error ? out(400, { error }) : out(200, { features: features(signup) });
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
