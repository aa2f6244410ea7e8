import { defineConfig } from 'skew-harness';

export default defineConfig({
  source: { path: 'data.csv', key: 'booking_id', label: 'is_canceled' },
  offline: { command: ['python3', 'offline.py'] },
  serving: {
    url: 'http://127.0.0.1:${port}/features',
    start: { command: ['node', 'server.js'], readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' },
  },
});
