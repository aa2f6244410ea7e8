import { resolveInputContract } from '../../../harness/checks/contract/resolve-contract';
import type { ColumnContractOptions } from '../../../harness/core/input-contract';
import { ConfigError } from '../../../harness/errors';
import { resolveConfig } from '../../../harness/config/resolve-config';
import { profileRows } from '../../../harness/profile';
import { columnsOf, sourceRows } from '../../profile/profile-fixtures';

const rows = sourceRows([
  { id: 'a', plan: 'basic', visits: 3, signup: '2024-01-05', label: 1 },
  { id: 'b', plan: 'pro', visits: 4, signup: '2024-02-05', label: 0 },
]);
const profile = profileRows(rows, columnsOf({ id: 'string', plan: 'string', visits: 'integer', signup: 'date', label: 'integer' }, { id: 'key', label: 'label' }));
const resolve = (options: Record<string, ColumnContractOptions>) => resolveInputContract(rows, profile, options);
const column = (options: Record<string, ColumnContractOptions>, name: string) => resolve(options).columns.find((c) => c.name === name)!;

describe('resolveInputContract', () => {
  it('is the learned contract without options', () => {
    expect(column({}, 'plan')).toEqual({ name: 'plan', optional: false, nullable: false, format: { kind: 'text', empty: false }, values: null, vocabulary: null, configured: [] });
  });

  it('widens and narrows clauses, and records which came from config', () => {
    expect(column({ plan: { nullable: true, optional: true } }, 'plan')).toMatchObject({ nullable: true, optional: true, configured: ['present', 'non-null'] });
    expect(column({ plan: { values: ['basic', 'pro', ''] } }, 'plan')).toMatchObject({ values: ['basic', 'pro', ''], format: { kind: 'text', empty: true }, configured: ['values'] });
    expect(column({ signup: { format: 'datetime' } }, 'signup').format).toEqual({ kind: 'date', layouts: ['datetime-z', 'datetime-ms-z', 'datetime-offset', 'datetime-naive'] });
    expect(column({ visits: { format: 'decimal' } }, 'visits')).toMatchObject({ format: { kind: 'decimal' }, configured: ['type', 'format'] });
    expect(column({ plan: { empty: true } }, 'plan').format).toEqual({ kind: 'text', empty: true });
  });

  it('names the config path of every problem', () => {
    const problem = (options: Record<string, ColumnContractOptions>) => {
      try {
        resolve(options);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(problem({ plna: { nullable: true } })).toBe('source.contract.plna is not a column of the source (columns: id, plan, visits, signup, label)');
    expect(problem({ id: { nullable: true } })).toMatch(/^source\.contract\.id is the key column: keys, the label and precomputed features are never generated or probed/);
    expect(problem({ label: { optional: true } })).toMatch(/^source\.contract\.label is the label column/);
    expect(problem({ visits: { empty: true } })).toBe("source.contract.visits.empty applies only to text and numeric-text columns (this column's format is integer)");
    expect(problem({ visits: { values: [1, 2.5] } })).toBe('source.contract.visits.values[1] must be integer like the column (got 2.5)');
    expect(problem({ plan: { values: ['basic', null] } })).toBe('source.contract.plan.values[1] cannot be null: use nullable: true to allow null');
  });
});

describe('config: source.contract and checks.inputContract', () => {
  const base = { source: { path: 'x.csv', key: 'id' }, offline: { command: ['x'] }, serving: { url: 'http://127.0.0.1:1/f' } };
  const resolveWith = (extra: object) => resolveConfig({ ...base, ...extra }, { rootDir: '/repo', configFile: '/repo/skew.config.ts', env: {} });
  const problem = (extra: object) => {
    try {
      resolveWith(extra);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('defaults to a learned contract and the check on, warning', () => {
    const config = resolveWith({});
    expect(config.source.contract).toEqual({});
    expect(config.checks.inputContract).toEqual({ enabled: true, probes: 40, fail: false, seed: 1 });
    expect(resolveWith({ checks: { inputContract: false } }).checks.inputContract.enabled).toBe(false);
    expect(resolveWith({ checks: { inputContract: { probes: 0 } } }).checks.inputContract.enabled).toBe(false);
    expect(resolveWith({ checks: { inputContract: { fail: true } } }).checks.inputContract).toMatchObject({ enabled: true, fail: true });
  });

  it('validates the contract options with the zod schema, naming the path', () => {
    const contract = (options: object) => ({ source: { ...base.source, contract: { plan: options } } });
    expect(problem(contract({ nulable: true }))).toBe('/repo/skew.config.ts: source.contract.plan.nulable is not a known option (did you mean "nullable"?)');
    expect(problem(contract({ format: 'float' }))).toMatch(/^\/repo\/skew\.config\.ts: source\.contract\.plan\.format must be one of "integer", "decimal", /);
    expect(problem(contract({ values: [] }))).toBe('/repo/skew.config.ts: source.contract.plan.values must have at least 1 item');
    expect(problem({ checks: { inputContract: { probes: -1 } } })).toBe('/repo/skew.config.ts: checks.inputContract.probes must be >= 0 (got -1)');
  });
});
