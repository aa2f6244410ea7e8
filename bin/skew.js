#!/usr/bin/env node
'use strict';
// The `skew` command. The CLI is compiled to dist/ by `npm run build` (run by `npm ci` via `prepare`).
try {
  require('../dist/harness/cli/main.js').runCli();
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/harness/cli/main.js')) {
    process.stderr.write('skew: the CLI is not built yet: run `npm run build` in the skew-harness package\n');
    process.exit(2);
  }
  throw error;
}
