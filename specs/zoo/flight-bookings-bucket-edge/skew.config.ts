import { defineConfig } from 'skew-harness';

export default defineConfig({
  source: { path: 'data.csv', key: 'booking_ref', label: 'no_show' },
  offline: { command: ['python3', 'offline.py'] },
  serving: {
    url: 'http://127.0.0.1:${port}/features',
    start: { command: ['node', 'server.js'], readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' },
    response: { path: 'model_inputs' },
  },
});
