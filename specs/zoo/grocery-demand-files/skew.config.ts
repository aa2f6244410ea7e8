import { defineConfig } from 'skew-harness';

export default defineConfig({
  source: { path: 'data.csv', key: ['store_id', 'sku', 'date'], label: 'units_sold' },
  offline: { command: ['python3', 'features.py', '--input', '${input}', '--output', '${output}'] },
  serving: {
    url: 'http://127.0.0.1:${port}/features',
    start: { command: ['node', 'server.js'], readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' },
  },
});
