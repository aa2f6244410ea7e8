import { tmpdir } from 'node:os';
import { createServingAdapter, startLocalServer, type LocalServer } from '../../../harness/adapters/serving';
import { createRedactor } from '../../../harness/config/redactor';
import { resolveConfig } from '../../../harness/config/resolve-config';
import type { ResolvedConfig } from '../../../harness/config/resolved-config';
import type { ServingConfig } from '../../../harness/config/user-config';
import { ServingAuthError } from '../../../harness/errors/serving-error';
import { exitCodeForError } from '../../../harness/cli/exit-code';
import { startTfServingServer, type TfModel } from './presets/tf-serving-server';
import type { TestServer } from './test-server';

// The reported setup: the tf-serving preset, `serving.start`, and a server that wants a bearer token on every path —
// its model status (the preset's readiness URL) too. The started command forwards its automatic port to a real
// node:http server on 127.0.0.1 (readiness counts only answers through the command's own port).
const TOKEN = 'eta-token-7f3a9c';
const FORWARD_JS = `require('net').createServer((c) => { const u = require('net').connect(Number(process.env.TARGET_PORT), '127.0.0.1'); c.pipe(u); u.pipe(c); c.on('error', () => u.destroy()); u.on('error', () => c.destroy()); }).listen(Number(process.env.PORT), '127.0.0.1')`;

const churn: TfModel = {
  name: 'churn',
  version: 1,
  signature: 'serving_default',
  inputs: { tenure: 'DT_INT64' },
  compute: (row) => ({ score: (row['tenure'] as number) / 10 }),
};

/** The resolved config of the report, with `ETA_SERVING_TOKEN` set to `token` (the default 30 s readiness timeout). */
function reportedConfig(target: TestServer, token: string, serving: Partial<ServingConfig> = {}): ResolvedConfig {
  return resolveConfig(
    {
      source: { path: 'train.csv', key: 'id' },
      offline: { columns: ['f'] },
      serving: {
        preset: 'tf-serving',
        url: 'http://127.0.0.1:${port}',
        tfServing: { model: 'churn' },
        headers: { Authorization: 'Bearer ${env.ETA_SERVING_TOKEN}' },
        start: { command: [process.execPath, '-e', FORWARD_JS], cwd: tmpdir(), port: 'auto', env: { TARGET_PORT: String(target.port) } },
        retries: 0,
        ...serving,
      },
    },
    { rootDir: '/repo', env: { ETA_SERVING_TOKEN: token } },
  );
}

/** Starts `serving.start` as a run does: probes send `serving.headers`, messages go through the run's redactor. */
function startAsRun(config: ResolvedConfig): Promise<LocalServer> {
  return startLocalServer(config.start!, { headers: config.serving.headers, redact: createRedactor(config.secrets) });
}

const statusProbes = (server: TestServer) => server.requests.filter((r) => r.method === 'GET' && r.url === '/v1/models/churn');

describe('readiness probes of serving.start carry serving.headers', () => {
  let server: TestServer;
  let local: LocalServer | null = null;
  beforeAll(async () => {
    server = await startTfServingServer(churn, { token: TOKEN });
  });
  afterEach(async () => {
    await local?.stop();
    local = null;
    server.requests.length = 0;
  });
  afterAll(() => server.close());

  it('become ready with the right token, and requests then work', async () => {
    const config = reportedConfig(server, TOKEN);
    expect(config.start!.readyTimeoutMs).toBe(30_000);
    local = await startAsRun(config);
    expect(statusProbes(server).at(-1)!.headers['authorization']).toBe(`Bearer ${TOKEN}`);

    const adapter = createServingAdapter({ ...config.serving, url: local.resolveUrl(config.serving.url) });
    try {
      const results = await adapter.compute([{ key: 'a', fields: { id: 'a', tenure: 10 } }]);
      expect(results).toEqual([{ kind: 'ok', features: { prediction: 1 } }]);
    } finally {
      await adapter.close();
    }
  }, 40_000);

  it('fail the start at the first refusal with a wrong token: exit 2, naming the probe URL, the status and serving.headers', async () => {
    const config = reportedConfig(server, 'wrong-token-5b1e');
    const error: unknown = await startAsRun(config).then(
      (started) => {
        local = started;
        return new Error('became ready, but the token is wrong');
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServingAuthError);
    const refused = error as ServingAuthError;
    expect(refused.code).toBe('SERVING_AUTH');
    expect(refused.status).toBe(401);
    expect(exitCodeForError(refused)).toBe(2);
    // One line; the token the server echoed is hidden.
    expect(refused.message).toMatch(
      /^serving refused the credentials of the readiness probe: HTTP 401 from GET http:\/\/127\.0\.0\.1:\d+\/v1\/models\/churn: \{"error":"invalid token \*\*\*"\} — check serving\.headers and the environment variables they read$/,
    );
    expect(refused.message).not.toContain('wrong-token-5b1e');
    // Failing fast is one probe answered, not a 30 s wait.
    expect(statusProbes(server)).toHaveLength(1);
    expect(statusProbes(server)[0]!.headers['authorization']).toBe('Bearer wrong-token-5b1e');
  }, 40_000);

  it('say so when no serving.headers are set (a serving.axios interceptor does not reach probes)', async () => {
    const config = reportedConfig(server, TOKEN, { headers: {} });
    const error: unknown = await startAsRun(config).then(
      (started) => {
        local = started;
        return new Error('became ready without a token');
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServingAuthError);
    expect((error as ServingAuthError).message).toMatch(
      /^serving refused the credentials of the readiness probe: HTTP 401 from GET http:\/\/127\.0\.0\.1:\d+\/v1\/models\/churn: \{"error":"invalid token none"\} — check serving\.headers \(none are set; readiness probes do not go through serving\.axios\)$/,
    );
  }, 40_000);
});
