const { defineConfig } = require('skew-harness');

module.exports = defineConfig({
  source: { path: 'data.csv', key: 'claim_id', label: 'is_fraud' },
  offline: { command: ['python3', 'offline.py'] },
  serving: {
    url: 'http://127.0.0.1:${port}/features',
    start: { command: ['node', 'server.js'], readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' },
  },
});
