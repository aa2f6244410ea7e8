import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { SkewReport } from '../../harness/core/report';
import { runCli } from '../cli/cli-harness';
import type { ZooCheck, ZooPair } from './zoo-pairs';

/** What a default run of one zoo pair concluded. */
export interface PairRun {
  code: number | null;
  stderr: string;
  report: SkewReport | null;
}

/**
 * Runs the real CLI on a pair at default settings with every check on, as a new user would, with a fresh failure
 * memory and reports in a temp dir (nothing is written into the pair). Returns the exit code and the JSON report.
 */
export async function runPair(pair: ZooPair): Promise<PairRun> {
  const out = mkdtempSync(path.join(tmpdir(), `skew-zoo-${pair.name}-`));
  try {
    const result = await runCli(['run', '--config', pair.config, '--reporter', 'json', '--report-dir', out, '--failures-dir', path.join(out, 'failures')], {
      cwd: pair.dir,
      env: { CI: '' },
    });
    let report: SkewReport | null = null;
    try {
      report = JSON.parse(readFileSync(path.join(out, 'skew-report.json'), 'utf8')) as SkewReport;
    } catch {
      report = null;
    }
    return { code: result.code, stderr: result.stderr, report };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Failed fields per check, from a report. */
export function failedFields(report: SkewReport): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const check of report.checks) {
    const fields = check.fields.filter((f) => f.status === 'failed').map((f) => f.field);
    if (check.status === 'failed') map.set(check.name, new Set(fields.length > 0 ? fields : ['(check)']));
  }
  return map;
}

/** What a pair's expectation allows per check: required fields and also-allowed fields. */
export function expectedFields(pair: ZooPair): Map<ZooCheck, { required: Set<string>; allowed: Set<string> }> {
  const map = new Map<ZooCheck, { required: Set<string>; allowed: Set<string> }>();
  const entry = (check: ZooCheck) => {
    if (!map.has(check)) map.set(check, { required: new Set(), allowed: new Set() });
    return map.get(check)!;
  };
  for (const f of pair.expect.findings) for (const field of f.fields) entry(f.check).required.add(field);
  for (const f of pair.expect.findings) for (const field of f.fields) entry(f.check).allowed.add(field);
  for (const f of pair.expect.alsoAllowed) for (const field of f.fields) entry(f.check).allowed.add(field);
  return map;
}
