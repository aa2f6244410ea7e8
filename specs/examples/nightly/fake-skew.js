#!/usr/bin/env node
// A stand-in for `skew` in the run-shards.sh test. `run --shard i/n --report-dir D`: records its pid, waits until
// all n shards have started (so it only finishes when the shards run in parallel; gives up after FAKE_PATIENCE_MS),
// writes D/blob-<SKEW_RUN_ID>-<i>of<n>.json and exits with FAKE_EXIT_<i> (default 0); with FAKE_HANG set it never
// finishes. `merge D`: writes D/merged.json listing the blobs and exits with FAKE_MERGE_EXIT (default 0).
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const flag = (name) => args[args.indexOf(name) + 1];
const dir = flag('--report-dir');
if (args[0] === 'merge') {
  const blobs = fs.readdirSync(args[1]).filter((f) => f.startsWith('blob-')).sort();
  fs.writeFileSync(path.join(dir, 'merged.json'), JSON.stringify({ blobs, args }));
  process.exit(Number(process.env.FAKE_MERGE_EXIT ?? 0));
}
const [i, n] = flag('--shard').split('/').map(Number);
fs.writeFileSync(path.join(dir, `started-${i}.pid`), String(process.pid));
const patience = Date.now() + Number(process.env.FAKE_PATIENCE_MS ?? 20000);
const tick = () => {
  const started = fs.readdirSync(dir).filter((f) => f.startsWith('started-')).length;
  if (process.env.FAKE_HANG || (started < n && Date.now() < patience)) return setTimeout(tick, 20);
  fs.writeFileSync(path.join(dir, `blob-${process.env.SKEW_RUN_ID}-${i}of${n}.json`), JSON.stringify({ shard: i, sawStarted: started, args }));
  process.exit(Number(process.env[`FAKE_EXIT_${i}`] ?? 0));
};
tick();
