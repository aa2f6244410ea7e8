/**
 * `npm run demo`: the main job on the bundled churn example. Starts the example's serving process, runs the
 * Python offline pipeline, diffs the features, prints the report, writes `reports/skew-report.json`, and ends
 * with one line saying what it found. Exits 0 whenever the harness ran (finding skew is the point of the demo);
 * `skew run` itself exits 1 on skew. Extra arguments go to `skew run` (e.g. `npm run demo -- --sample 200`).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../harness/cli/main';
import type { SkewReport } from '../harness/core/report';

const root = path.resolve(__dirname, '..', '..');

async function demo(): Promise<number> {
  process.chdir(root);
  const reportDir = 'reports';
  const code = await main(['run', '--config', 'examples/churn/skew.config.ts', '--report-dir', reportDir, ...process.argv.slice(2)]);
  if (code !== 0 && code !== 1) return code;
  const report = JSON.parse(readFileSync(path.join(reportDir, 'skew-report.json'), 'utf8')) as SkewReport;
  const failedIn = (name: string) => report.checks.find((c) => c.name === name)?.fields.filter((f) => f.status === 'failed') ?? [];
  const parity = failedIn('parity');
  const parityNames = new Set(parity.map((f) => f.field));
  const onlyGenerated = failedIn('generated-parity').filter((f) => !parityNames.has(f.field));
  const others = report.checks.filter((c) => c.status === 'failed' && c.compares === 'same-side').map((c) => `${c.name}: ${c.summary}`);
  const parts: string[] = [];
  if (parity.length > 0) parts.push(`training rows show skew in ${parity.map((f) => `${f.field} (${(f.rate * 100).toFixed(1)}% of rows)`).join(' and ')}`);
  if (onlyGenerated.length > 0) parts.push(`generated edge rows also expose ${onlyGenerated.map((f) => f.field).join(' and ')}, which no training row shows`);
  parts.push(...others);
  const line =
    parts.length === 0
      ? `Demo: no skew between the offline pipeline and the serving endpoint on ${report.accounting.rowsCompared} rows.`
      : `Demo: ${parts.join('; ')}. Report: ${reportDir}/skew-report.json.`;
  process.stdout.write(`\n${line}\n`);
  return 0;
}

void demo().then((code) => {
  process.exitCode = code;
});
