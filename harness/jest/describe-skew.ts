import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import * as path from 'node:path';
import { CHECK_NAMES, type CheckName } from '../checks/check-names';
import { loadConfigSync } from '../config/load-config';
import type { TargetConfig } from '../config/user-config';
import { writeFileAtomic } from '../io/write-file-atomic';
import { serializeReport } from '../reporters/json-reporter';
import { createColors } from '../reporters/colors';
import { formatWarnings } from '../reporters/format-warnings';
import { buildReport } from '../runner/build-report';
import { selectChecks } from '../runner/run-skew';
import { openSkewSession, type SkewSession } from '../runner/skew-session';
import { defaultGoldenMode } from '../golden/golden-mode';
import './register-matchers';

/**
 * `SKEW_RECORD_SERVING=DIR` / `SKEW_REPLAY_SERVING=DIR` (relative to `cwd`): the jest form of `--record-serving` /
 * `--replay-serving`, winning over the config's `serving.record` / `serving.replay`.
 */
function cassetteOverrides(cwd: string): TargetConfig {
  const record = process.env['SKEW_RECORD_SERVING'];
  const replay = process.env['SKEW_REPLAY_SERVING'];
  if (replay) return { serving: { replay: path.resolve(cwd, replay), record: null } };
  if (record) return { serving: { record: path.resolve(cwd, record), replay: null } };
  return {};
}

/** Options of {@link describeSkew}. */
export interface DescribeSkewOptions {
  /** Config file, relative to `cwd`. Default: `skew.config.{ts,js,json}` found in `cwd`. */
  config?: string;
  /** Named target to apply (e.g. a clean local server). */
  target?: string;
  /** Directory the config is looked for in. Default `process.cwd()` (jest's rootDir for most repos). */
  cwd?: string;
  /** Only these checks (of those the config enables). */
  checks?: CheckName[];
  /** Timeout per test (and for starting the serving process), ms. Default `120000`. */
  timeout?: number;
  /** Also write the JSON report of the run here when the suite ends (relative to `cwd`). */
  reportFile?: string;
}

/**
 * Registers skew-harness in a jest spec file: one `describe` with one test per enabled check. Before the tests,
 * the sample is read and the configured serving process is started (and probed for readiness); after them it is
 * stopped, the failure memory is updated, and the report is written if asked. generated-parity follows jest's seed
 * (`jest --seed=N` reproduces it). Failures read like the terminal report: the field table, the minimal
 * counterexample and a `Reproduce with:` line. A check that passes with warnings (input-contract) passes its test and
 * prints the warnings with `console.warn`.
 *
 * @example
 * ```ts
 * // specs/skew.test.ts in a model repo
 * import { describeSkew } from 'skew-harness/jest';
 * describeSkew({ config: 'skew.config.ts' });
 * ```
 */
export function describeSkew(options: DescribeSkewOptions = {}): void {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const seed = jest.getSeed();
  const loaded = loadConfigSync({ ...(options.config ? { file: options.config } : {}), cwd, target: options.target ?? null, overrides: cassetteOverrides(cwd) });
  // jest's seed replaces generated-parity's, without switching on a check the config switched off
  // (an override `{ seed }` merged over `generatedParity: false` would).
  const config = { ...loaded, checks: { ...loaded.checks, generatedParity: { ...loaded.checks.generatedParity, seed } } };
  const checks = selectChecks(config, options.checks);
  const timeout = options.timeout ?? 120_000;
  const title = `skew-harness: ${path.relative(cwd, config.configFile ?? 'config') || 'config'}${config.target ? ` (${config.target})` : ''}`;

  describe(title, () => {
    let session: SkewSession | undefined;
    const startedAt = Date.now();
    beforeAll(async () => {
      session = await openSkewSession(config, { golden: { mode: defaultGoldenMode(process.env), propose: false } });
    }, timeout);
    afterAll(async () => {
      if (!session) return;
      try {
        await session.rememberFailures();
        await session.saveServingCassette();
        if (options.reportFile) await writeFileAtomic(path.resolve(cwd, options.reportFile), serializeReport(buildReport(session, { startedAt, cwd })));
      } finally {
        await session.close();
      }
    }, timeout);

    for (const name of CHECK_NAMES.filter((n) => checks.includes(n))) {
      test(
        name,
        async () => {
          if (!session) throw new Error('skew-harness: the session did not open (see the beforeAll error above)');
          const result = await session.runCheck(name);
          // Warnings do not fail the test; printed, they are not lost either.
          if (result.warnings?.length) console.warn([`${name}: ${result.summary}`, ...formatWarnings(result, createColors(false))].join('\n'));
          expect(result).toHaveNoSkew();
        },
        timeout,
      );
    }
  });
}
