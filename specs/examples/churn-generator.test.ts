import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHURN_DIR, readTrainingRows, TRAINING_CSV } from './churn-rows';
import { JITI, runProcess } from './churn-processes';

const ARTIFACTS_JSON = join(CHURN_DIR, 'pipeline', 'artifacts.json');

describe('examples/churn/data/generate.ts', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'churn-generate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('regenerates the committed training.csv and artifacts.json byte for byte', async () => {
    const csvPath = join(dir, 'training.csv');
    const result = await runProcess(JITI, [join(CHURN_DIR, 'data', 'generate.ts'), csvPath], '');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(csvPath).equals(readFileSync(TRAINING_CSV))).toBe(true);
    expect(readFileSync(join(dir, 'artifacts.json')).equals(readFileSync(ARTIFACTS_JSON))).toBe(true);
  });
});

describe('examples/churn/data/training.csv', () => {
  const text = readFileSync(TRAINING_CSV, 'utf8');
  const rows = readTrainingRows();
  const share = (test: (row: Record<string, unknown>) => boolean) => rows.filter(test).length / rows.length;

  it('is LF-only UTF-8 with a header row and 3,000 unique customers', () => {
    expect(text).not.toContain('\r');
    expect(text.startsWith('customer_id,signup_date,reference_date,last_login_at,plan,country,')).toBe(true);
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.map((row) => row.customer_id)).size).toBe(3000);
    expect(rows.every((row) => /^C\d{6}$/.test(String(row.customer_id)))).toBe(true);
  });

  it('has snapshots spread over 2023–2025, signups before them and last logins in between', () => {
    const years = new Set(rows.map((row) => String(row.reference_date).slice(0, 4)));
    expect([...years].sort()).toEqual(['2023', '2024', '2025']);
    const outOfOrder = rows.filter((row) => {
      const [signup, reference] = [Date.parse(String(row.signup_date)), Date.parse(String(row.reference_date))];
      const login = Date.parse(String(row.last_login_at));
      return !(signup < reference && signup <= login && login < reference) || !/^[\d-]{10}T[\d:]{8}Z$/.test(String(row.last_login_at));
    });
    expect(outOfOrder).toEqual([]);
  });

  it('is as messy as real exports: nulls, padded and mixed-case categories, no negative spend', () => {
    expect(share((row) => row.monthly_spend === null)).toBeGreaterThan(0.03);
    expect(share((row) => row.monthly_spend === null)).toBeLessThan(0.07);
    expect(share((row) => row.sessions_last_30d === null)).toBeGreaterThan(0.06);
    expect(share((row) => row.sessions_last_30d === null)).toBeLessThan(0.1);
    expect(share((row) => row.country === null)).toBeGreaterThan(0);
    expect(share((row) => typeof row.plan === 'string' && row.plan !== row.plan.trim())).toBeGreaterThan(0.02);
    expect(share((row) => typeof row.plan === 'string' && /[A-Z]/.test(row.plan))).toBeGreaterThan(0.1);
    const messyCountry = /^ ?[a-z]{2} ?$|^ [A-Z]{2}$|^[A-Z]{2} $/;
    expect(share((row) => typeof row.country === 'string' && messyCountry.test(row.country))).toBeGreaterThan(0.05);
    expect(rows.every((row) => row.monthly_spend === null || (row.monthly_spend as number) >= 0)).toBe(true);
    expect(new Set(rows.map((row) => String(row.plan).trim().toLowerCase()))).toEqual(new Set(['basic', 'standard', 'premium']));
  });

  it('has a label that churns about a quarter of customers and follows the features', () => {
    const churnRate = (subset: Record<string, unknown>[]) => subset.filter((row) => row.churned === 1).length / subset.length;
    expect(churnRate(rows)).toBeGreaterThan(0.15);
    expect(churnRate(rows)).toBeLessThan(0.35);
    const manyTickets = rows.filter((row) => (row.support_tickets as number) >= 4);
    const noTickets = rows.filter((row) => row.support_tickets === 0);
    expect(churnRate(manyTickets)).toBeGreaterThan(churnRate(noTickets) + 0.1);
  });
});
