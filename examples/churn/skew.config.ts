import { defineConfig } from 'skew-harness';

/**
 * skew-harness config of the churn example: the Python pipeline offline, the TypeScript server online.
 * `npm run demo` runs it from the repository root; `EXAMPLE_BUGS=none npm run demo` runs against a clean server.
 */
export default defineConfig({
  source: { path: 'data/training.csv', key: 'customer_id', label: 'churned' },
  sample: { size: 1000, seed: 7 },
  offline: { command: ['python3', 'pipeline/features.py'] },
  serving: {
    url: 'http://127.0.0.1:${port}/features',
    concurrency: 16,
    start: {
      command: ['jiti', 'serving/server.ts'],
      readyUrl: 'http://127.0.0.1:${port}/healthz',
      port: 'auto',
    },
  },
  // Golden files of 50 rows (chosen by key hash, stable as the data grows), kept in the repository's golden/.
  // Recorded against the clean server: `npx skew golden record --config examples/churn/skew.config.ts --target clean`.
  golden: { dir: '../../golden', suite: 'churn', rows: 50 },
  // How much each skewed feature moves the churn model's prediction (the same server scores feature vectors at
  // /score): skewed fields are ranked by the decisions they flip at a 0.5 threshold.
  impact: { model: { url: 'http://127.0.0.1:${port}/score', concurrency: 16 }, threshold: 0.5 },
  // `skew logs`: the serving log `serving/replay-traffic.ts` writes (the server logs with SKEW_EXAMPLE_LOG=path). Each
  // record's time is the request's as-of date, passed to the pipeline as reference_date; `--join-labels` adds the
  // outcome as `label`, compared with training's churned (label shift).
  logs: { path: 'logs/serving.jsonl', referenceTimeColumn: 'reference_date', fields: { label: 'label' } },
  compare: {
    // Python and JavaScript may disagree in the last bits of log1p; anything bigger is skew.
    fields: { spend_log: { rel: 1e-12 } },
  },
  targets: {
    // The same server with every bug switched off: what the example's own `npm test` runs (all checks pass).
    clean: { serving: { start: { env: { EXAMPLE_BUGS: 'none' } } } },
    // The same offline pipeline as a TypeScript module, loaded in-process.
    'ts-pipeline': { offline: { command: null, module: 'pipeline/features.ts' } },
    // Nightly against a deployed server: URL and token from the environment, nothing started locally.
    staging: {
      serving: { url: '${env.CHURN_SERVING_URL}/features', headers: { Authorization: 'Bearer ${env.CHURN_SERVING_TOKEN}' }, start: null },
    },
  },
});
