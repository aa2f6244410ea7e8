import { hintsForField } from '../../../harness/analysis/hints/hints-for-field';
import { FEATURE_NAMES } from '../../../examples/churn/pipeline/features';
import { analyseChurn, readChurnRows } from './churn-example';

const NOW = Date.UTC(2026, 0, 15, 12, 0);

describe('hints on the bundled churn example', () => {
  const saved = process.env.EXAMPLE_OFFLINE_BUGS;
  beforeAll(() => delete process.env.EXAMPLE_OFFLINE_BUGS);
  afterAll(() => {
    if (saved !== undefined) process.env.EXAMPLE_OFFLINE_BUGS = saved;
  });

  const training = readChurnRows();

  describe('serving with the clock and nulls bugs, on the training rows', () => {
    const input = analyseChurn(training, ['clock', 'nulls'], NOW);

    it('tenure_days grows with the age of reference_date: serving uses the current time', () => {
      const [first] = hintsForField('tenure_days', input);
      expect(first?.kind).toBe('grows_with_age');
      expect(first!.message).toBe("online likely uses the current time instead of the row's reference_date (correlation 1.00 with the age of reference_date)");
      expect(first!.strength).toBeGreaterThanOrEqual(0.99);
      expect(first!.evidence).toContain('counted in days');
    });

    it('sessions_z mismatches only where sessions_last_30d is null', () => {
      const hints = hintsForField('sessions_z', input);
      expect(hints[0]?.kind).toBe('null_input');
      expect(hints[0]!.message).toBe('mismatches only where sessions_last_30d is null: nulls are imputed differently');
      expect(hints[0]!.strength).toBeGreaterThanOrEqual(0.99);
    });

    it('fields that match get no hints', () => {
      for (const field of FEATURE_NAMES.filter((f) => f !== 'tenure_days' && f !== 'sessions_z')) {
        expect(hintsForField(field, input)).toEqual([]);
      }
    });
  });

  describe('bugs that only edge rows show (rows altered like generated ones)', () => {
    it('spend_bucket: truncation instead of floor on refunds (negative spend)', () => {
      const rows = training.map((row, i) => (i % 10 === 0 && row.monthly_spend !== null ? { ...row, monthly_spend: -Number(row.monthly_spend) } : row));
      const [first] = hintsForField('spend_bucket', analyseChurn(rows, ['rounding'], NOW));
      expect(first?.kind).toBe('rounding');
      expect(first!.message).toContain('offline floors (toward −∞) where online truncates toward zero');
    });

    it('plan_code: unseen plans mapped to a real plan', () => {
      const rows = training.map((row, i) => (i % 20 === 0 ? { ...row, plan: i % 40 === 0 ? 'enterprise' : 'Gold ' } : row));
      const [first] = hintsForField('plan_code', analyseChurn(rows, ['vocab'], NOW, training));
      expect(first?.kind).toBe('unseen_category');
      expect(first!.message).toMatch(/^mismatches only where plan is outside the training vocabulary \("(enterprise|Gold )" and "(enterprise|Gold )"\)/);
    });
  });
});
