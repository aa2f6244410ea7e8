import { defineConfig } from 'skew-harness';

export default defineConfig({
  source: { path: 'data.csv', key: 'loan_id', label: 'overdue' },
  offline: { command: ['python3', 'offline.py'] },
  serving: {
    url: 'http://127.0.0.1:${port}/features',
    start: { command: ['node', 'server.js'], readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' },
  },
});
