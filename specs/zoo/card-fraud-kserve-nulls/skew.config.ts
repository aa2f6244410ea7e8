import { defineConfig } from 'skew-harness';

export default defineConfig({
  source: { path: 'data.csv', key: 'txn_id', label: 'is_fraud' },
  offline: { command: ['python3', 'offline.py'] },
  serving: {
    preset: 'kserve-v2',
    url: 'http://127.0.0.1:${port}',
    kserve: { model: 'fraud' },
    start: { command: ['node', 'server.js'], port: 'auto' },
  },
});
