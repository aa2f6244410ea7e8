import { defineConfig } from 'skew-harness';

export default defineConfig({
  source: { path: 'data.jsonl', key: 'reading_id', label: 'failed_within_7d' },
  offline: { command: ['python3', 'offline.py'] },
  serving: {
    url: 'http://127.0.0.1:${port}/features',
    start: { command: ['node', 'server.js'], readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' },
    // The gateway wraps the model inputs: { "data": { "features": {...} }, "scaler": "2024-Q1" }.
    response: { path: 'data.features' },
  },
});
