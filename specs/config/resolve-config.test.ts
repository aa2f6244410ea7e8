import { availableParallelism } from 'node:os';
import { resolveConfig } from '../../harness/config/resolve-config';
import { createRedactor } from '../../harness/config/redactor';
import { ConfigError } from '../../harness/errors/config-error';

const base = () => ({
  source: { path: 'data/train.csv', key: 'id', label: 'y' },
  offline: { command: ['python3', 'features.py'] },
  serving: { url: 'http://127.0.0.1:8080/features' },
});

const resolve = (input: unknown, extra: Partial<Parameters<typeof resolveConfig>[1]> = {}) =>
  resolveConfig(input, { rootDir: '/repo', configFile: '/repo/skew.config.ts', env: {}, ...extra });

const problem = (input: unknown, extra: Partial<Parameters<typeof resolveConfig>[1]> = {}): string => {
  try {
    resolve(input, extra);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('resolveConfig', () => {
  it('fills every default and resolves paths against the config directory', () => {
    const config = resolve(base());
    expect(config.source).toEqual({
      path: '/repo/data/train.csv',
      format: 'csv',
      key: ['id'],
      label: 'y',
      types: {},
      nullValues: [''],
      delimiter: ',',
      onBadRow: 'error',
      contract: {},
    });
    expect(config.sample).toEqual({ method: 'reservoir', size: 1000, seed: 1, stratifyBy: null });
    expect(config.offline).toEqual({ kind: 'command', command: ['python3', 'features.py'], cwd: '/repo', env: {}, timeoutMs: 300000, concurrency: availableParallelism(), mode: 'auto', files: null });
    expect(config.serving).toMatchObject({ url: 'http://127.0.0.1:8080/features', method: 'POST', timeoutMs: 5000, retries: 3, concurrency: 8, batch: null });
    expect(config.budget).toEqual({ errorRate: 0.01, minCompared: 1 });
    expect(config.report.reporters).toEqual([
      { name: 'terminal', options: {} },
      { name: 'json', options: { file: '/repo/reports/skew-report.json' } },
    ]);
    expect(config.configHash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('names the config path of a wrong value, with the file', () => {
    expect(problem({ ...base(), serving: { url: 'ftp://x/y' } })).toBe('/repo/skew.config.ts: serving.url must be an http(s) URL (got "ftp://x/y")');
    expect(problem({ ...base(), serving: { url: 'http://x', timeoutMs: -5 } })).toBe('/repo/skew.config.ts: serving.timeoutMs must be > 0 (got -5)');
    expect(problem({ ...base(), sample: { size: 'many' } })).toBe('/repo/skew.config.ts: sample.size must be a number (got "many")');
    expect(problem({ ...base(), source: { key: 'id' } })).toBe('/repo/skew.config.ts: source.path is required (a CSV, JSON Lines or Parquet file), or set source.sql to a query');
    expect(problem({ ...base(), compare: { fields: { x: { nan: 'maybe' } } } })).toBe(
      '/repo/skew.config.ts: compare.fields.x.nan must be "equal" or "mismatch" (got "maybe")',
    );
  });

  it('lists the valid forms of a value that fits none, with the likely intended one, and array items as [i]', () => {
    const start = (port: unknown) => ({ ...base(), serving: { url: 'http://x', start: { command: ['s'], readyUrl: 'http://x', port } } });
    expect(problem(start('atuo'))).toBe(
      '/repo/skew.config.ts: serving.start.port must be "auto" or an integer from 1 to 65535 (got "atuo" — did you mean "auto"?)',
    );
    expect(problem(start(true))).toBe('/repo/skew.config.ts: serving.start.port must be "auto" or an integer from 1 to 65535 (got true)');
    expect(problem({ ...base(), report: { reporters: ['json', 'pdf'] } })).toBe(
      '/repo/skew.config.ts: report.reporters[1] must be one of "terminal", "json", "markdown", "html", "junit", "github" or a [name, options] pair (got "pdf")',
    );
    // The right shape for one form, wrong inside it: the item that is wrong.
    expect(problem({ ...base(), report: { reporters: [['jsn', {}]] } })).toBe(
      '/repo/skew.config.ts: report.reporters[0][0] must be one of "terminal", "json", "markdown", "html", "junit" or "github" (got "jsn" — did you mean "json"?)',
    );
    expect(problem({ ...base(), checks: { determinism: 'yes' } })).toBe('/repo/skew.config.ts: checks.determinism must be true, false or an object (got "yes")');
    expect(problem({ ...base(), sample: { method: 'reservior' } })).toBe(
      '/repo/skew.config.ts: sample.method must be one of "reservoir", "stratified", "key-hash" or "all" (got "reservior" — did you mean "reservoir"?)',
    );
    expect(problem({ ...base(), offline: { command: ['python3', ''] } })).toBe('/repo/skew.config.ts: offline.command[1] must not be empty');
  });

  it('takes serving.axios as a function that configures the instance, and nothing else', () => {
    const configure = (): void => undefined;
    expect(resolve({ ...base(), serving: { ...base().serving, axios: configure } }).serving.axios).toBe(configure);
    expect(resolve(base()).serving.axios).toBeNull();
    expect(problem({ ...base(), serving: { url: 'http://x', axios: { timeout: 100 } } })).toBe('/repo/skew.config.ts: serving.axios must be a function');
  });

  it('suggests the option a typo meant', () => {
    expect(problem({ ...base(), serving: { url: 'http://x', timeoutMS: 5 } })).toBe(
      '/repo/skew.config.ts: serving.timeoutMS is not a known option (did you mean "timeoutMs"?)',
    );
  });

  it('names a misspelt key before the required key it leaves missing', () => {
    const { source, ...rest } = base() as { source: unknown } & Record<string, unknown>;
    expect(problem({ ...rest, sourse: source })).toBe('/repo/skew.config.ts: sourse is not a known option (did you mean "source"?)');
    expect(problem({ ...base(), offline: { commnd: ['python3', 'f.py'] } })).toBe(
      '/repo/skew.config.ts: offline.commnd is not a known option (did you mean "command"?)',
    );
  });

  it('requires exactly one offline kind', () => {
    expect(problem({ ...base(), offline: {} })).toMatch(/offline must set one of module, command, columns, prefix or url$/);
    expect(problem({ ...base(), offline: { url: 'http://h/f', command: ['x'] } })).toMatch(/offline must set only one of command, url$/);
    expect(problem({ ...base(), offline: { url: 'http://h/f', batchsize: 3 } })).toMatch(/offline\.batchsize is not a known option \(did you mean "batchSize"\?\)$/);
    expect(problem({ ...base(), offline: { module: 'a.ts', command: ['x'] } })).toMatch(/offline must set only one of module, command$/);
    expect(problem({ ...base(), offline: { command: [] } })).toMatch(/offline\.command must have at least 1 item$/);
    expect(resolve({ ...base(), offline: { prefix: 'feat_' } }).offline).toEqual({ kind: 'columns', columns: null, prefix: 'feat_', stripPrefix: true });
  });

  it('reads ${env.NAME} in URLs and headers, records the values as secrets, and fails clearly when unset', () => {
    const input = { ...base(), serving: { url: '${env.BASE}/features', headers: { Authorization: 'Bearer ${env.TOKEN}' } } };
    const config = resolve(input, { env: { BASE: 'https://staging.example.com', TOKEN: 's3cr3t-token' } });
    expect(config.serving.url).toBe('https://staging.example.com/features');
    expect(config.serving.headers).toEqual({ Authorization: 'Bearer s3cr3t-token' });
    expect(config.secrets).toContain('s3cr3t-token');
    expect(createRedactor(config.secrets)('401 from https://staging.example.com with s3cr3t-token')).toBe('401 from *** with ***');
    expect(problem(input, { env: { BASE: 'https://x' } })).toBe(
      '/repo/skew.config.ts: serving.headers.Authorization uses ${env.TOKEN}, but environment variable TOKEN is not set',
    );
  });

  it('never puts secrets into the config hash', () => {
    const input = { ...base(), serving: { url: 'http://x/f', headers: { Authorization: '${env.TOKEN}' } } };
    expect(resolve(input, { env: { TOKEN: 'one-token' } }).configHash).toBe(resolve(input, { env: { TOKEN: 'another-token' } }).configHash);
  });

  it('keeps where reports go out of the config hash, and what they hold in it', () => {
    const hash = (report: Record<string, unknown>) => resolve({ ...base(), report }).configHash;
    const plain = hash({});
    expect(hash({ dir: 'nightly/out', reporters: ['json', 'html'], baseline: 'last/skew-report.json' })).toBe(plain);
    expect(hash({ examples: 9 })).not.toBe(plain);
  });

  it('applies a named target over the base, with null removing a setting', () => {
    const input = {
      ...base(),
      serving: { url: 'http://127.0.0.1:${port}/f', start: { command: ['node', 's.js'], readyUrl: 'http://127.0.0.1:${port}/h', port: 'auto' } },
      targets: { staging: { serving: { url: 'https://staging/f', start: null }, sample: { size: 50 } } },
    };
    expect(resolve(input).start).not.toBeNull();
    const staging = resolve(input, { target: 'staging' });
    expect(staging.start).toBeNull();
    expect(staging.serving.url).toBe('https://staging/f');
    expect(staging.sample.size).toBe(50);
    expect(problem(input, { target: 'prod' })).toBe('/repo/skew.config.ts: targets has no target "prod" (defined: staging)');
  });

  it('names the target when the bad value came from it', () => {
    const input = { ...base(), targets: { staging: { serving: { retries: -1 } } } };
    expect(problem(input, { target: 'staging' })).toBe('/repo/skew.config.ts: targets.staging.serving.retries must be >= 0 (got -1)');
  });

  it('refuses ${port} without a local server that has a port', () => {
    expect(problem({ ...base(), serving: { url: 'http://127.0.0.1:${port}/f' } })).toMatch(/serving\.url uses \$\{port\}, which needs serving\.start\.port$/);
  });

  it('infers jsonl from the extension and stratified sampling from stratifyBy', () => {
    const config = resolve({ ...base(), source: { path: 'rows.ndjson' }, sample: { stratifyBy: 'plan' } });
    expect(config.source.format).toBe('jsonl');
    expect(config.sample.method).toBe('stratified');
    expect(problem({ ...base(), sample: { method: 'stratified' } })).toMatch(/sample\.stratifyBy is required when sample\.method is "stratified"$/);
  });

  it('rejects something that is not a config object', () => {
    expect(problem(42)).toBe('/repo/skew.config.ts: must export a config object: export default defineConfig({ ... })');
  });
});
