import { resolveInputContract } from '../../harness/checks/contract/resolve-contract';
import { runGeneratedParityCheck, type GeneratedParityOptions } from '../../harness/checks/generated-parity';
import { runParityCheck } from '../../harness/checks/parity';
import type { Row } from '../../harness/core/row';
import { profileRows } from '../../harness/profile';
import { readSubscriptions } from '../source/numbers-as-text-fixtures';
import { contextFor, moduleDir, servingFor } from './check-fixtures';

/** The pipeline reads a price whichever way it is written: `Number("12.50")` is 12.5. */
const OFFLINE = `export function computeFeatures(rows: any[]) {
  return rows.map((r) => {
    const price = Number(r.monthly_price);
    return { price_cents: Number.isFinite(price * 100) ? Math.round(price * 100) : -1, seats: Number(r.seats) };
  });
}`;

/** Serving reads a price sent as text with parseInt: "12.50" is 12. Training's text prices are all whole ("39.00"). */
const parseIntServing = (row: Row) => {
  const raw = row['monthly_price'];
  const price = typeof raw === 'string' ? Number.parseInt(raw, 10) : (raw as number);
  return { price_cents: Number.isFinite(price * 100) ? Math.round(price * 100) : -1, seats: Number(row['seats']) };
};
const cleanServing = (row: Row) => {
  const price = Number(row['monthly_price']);
  return { price_cents: Number.isFinite(price * 100) ? Math.round(price * 100) : -1, seats: Number(row['seats']) };
};

const options: GeneratedParityOptions = {
  runs: 200,
  seed: 5,
  maxShrinks: 200,
  columns: {},
  path: null,
  remembered: [],
  reproduce: (seed, path) => `replay ${seed} ${path}`,
};

const dir = moduleDir();
afterAll(() => dir.remove());

describe('generated-parity on a JSON Lines column mixing JSON numbers and numbers written as text', () => {
  it('finds a serving that parses the text form differently, which training rows do not show', async () => {
    const { rows, columns } = await readSubscriptions();
    const profile = profileRows(rows, columns);
    const contract = resolveInputContract(rows, profile, {});
    const offline = await dir.write('features.ts', OFFLINE);
    const serving = await servingFor(parseIntServing);
    try {
      const ctx = contextFor(rows, offline, serving.adapter, { label: 'renewed' });
      expect((await runParityCheck(ctx)).result.status).toBe('passed');

      const { result } = await runGeneratedParityCheck(ctx, profile, { ...options, contract });
      expect(result.status).toBe('failed');
      expect(result.fields.find((f) => f.field === 'price_cents')!.status).toBe('failed');
      expect(result.fields.find((f) => f.field === 'seats')!.status).toBe('passed');
      const [x] = result.counterexamples!;
      expect(x!.field).toBe('price_cents');
      const change = x!.changes.find((c) => c.column === 'monthly_price')!;
      expect(typeof change.to).toBe('string');
      expect(x!.row.monthly_price).toBe(change.to);
      expect(x!.description).toMatch(/monthly_price: [\d.]+ → "-?[\d.e+]+" \(.* as text\)/);
    } finally {
      await serving.close();
    }
  });

  it('passes a serving that reads both forms alike', async () => {
    const { rows, columns } = await readSubscriptions();
    const profile = profileRows(rows, columns);
    const offline = await dir.write('features2.ts', OFFLINE);
    const serving = await servingFor(cleanServing);
    try {
      const ctx = contextFor(rows, offline, serving.adapter, { label: 'renewed' });
      const { result, outcomes } = await runGeneratedParityCheck(ctx, profile, { ...options, contract: resolveInputContract(rows, profile, {}) });
      expect(result).toMatchObject({ status: 'passed', counterexamples: [] });
      expect(outcomes.some((o) => typeof o.row?.monthly_price === 'string')).toBe(true);
    } finally {
      await serving.close();
    }
  });
});
