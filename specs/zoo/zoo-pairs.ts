import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The zoo: offline/serving pairs written the way teams write them, each with what a correct harness concludes. */
export const ZOO_DIR = __dirname;

/** Checks an expectation may name. */
export type ZooCheck = 'parity' | 'generated-parity' | 'batch-invariance' | 'label-invariance' | 'determinism';

/** Fields one check reports as failing (`(row)` is generated-parity's contract pseudo-field). */
export interface ZooFinding {
  check: ZooCheck;
  fields: string[];
}

/** A pair's EXPECT.json: the conclusion of a correct harness at default settings with every check on. */
export interface ZooExpectation {
  /** Exit code of `skew run`: 0 clean, 1 skew or a failed check. */
  exit: 0 | 1;
  /** Whether the verdict is clean (exactly when `findings` is empty). */
  clean: boolean;
  /** Failing fields the harness must report, per check: exactly these, plus any of `alsoAllowed`. */
  findings: ZooFinding[];
  /** Failing fields the harness may also report (side effects of the same bug, edge rows it may or may not draw). */
  alsoAllowed: ZooFinding[];
  /** Keys of training rows the offline side cannot compute (parity errors); empty when none. */
  offlineErrorKeys: string[];
  /** Keys of training rows serving rejects; empty when none. */
  onlineErrorKeys: string[];
  /** Why: the planted bug, where it shows, and what else a reader should know. */
  notes: string;
}

/** One pair of the zoo. */
export interface ZooPair {
  /** Directory name, e.g. `taxi-trips-timezone`. */
  name: string;
  /** Absolute directory of the pair. */
  dir: string;
  /** Absolute path of its skew.config.{ts,js,json}. */
  config: string;
  /** Absolute path of its training data. */
  data: string;
  /** Format of the training data. */
  format: 'csv' | 'jsonl';
  /** Its parsed EXPECT.json. */
  expect: ZooExpectation;
}

const CHECKS: readonly ZooCheck[] = ['parity', 'generated-parity', 'batch-invariance', 'label-invariance', 'determinism'];

/** Every pair directory under `dir` (default {@link ZOO_DIR}), sorted by name; throws on a malformed EXPECT.json. */
export function readZooPairs(dir: string = ZOO_DIR): ZooPair[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'EXPECT.json')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const pairDir = join(dir, name);
      const files = readdirSync(pairDir);
      const config = files.find((f) => /^skew\.config\.(ts|js|json)$/.test(f));
      const data = files.find((f) => /^data\.(csv|jsonl)$/.test(f));
      if (!config || !data) throw new Error(`${name}: needs a skew.config.{ts,js,json} and a data.{csv,jsonl}`);
      return {
        name,
        dir: pairDir,
        config: join(pairDir, config),
        data: join(pairDir, data),
        format: data.endsWith('.csv') ? 'csv' : 'jsonl',
        expect: parseExpectation(name, readFileSync(join(pairDir, 'EXPECT.json'), 'utf8')),
      };
    });
}

/** Parses and checks one EXPECT.json, filling the optional lists with `[]`. */
export function parseExpectation(name: string, text: string): ZooExpectation {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const fail = (why: string): never => {
    throw new Error(`${name}/EXPECT.json: ${why}`);
  };
  const findings = (key: string): ZooFinding[] => {
    const list = raw[key] ?? [];
    if (!Array.isArray(list)) return fail(`${key} must be a list`);
    return list.map((item: { check?: unknown; fields?: unknown }) => {
      if (!CHECKS.includes(item.check as ZooCheck)) fail(`${key}: unknown check ${String(item.check)}`);
      if (!Array.isArray(item.fields) || item.fields.length === 0) fail(`${key}: fields must be a non-empty list`);
      return { check: item.check as ZooCheck, fields: (item.fields as unknown[]).map(String) };
    });
  };
  const keys = (key: string): string[] => (Array.isArray(raw[key]) ? (raw[key] as unknown[]).map(String) : []);
  if (raw['exit'] !== 0 && raw['exit'] !== 1) fail('exit must be 0 or 1');
  if (typeof raw['clean'] !== 'boolean') fail('clean must be a boolean');
  const expectation: ZooExpectation = {
    exit: raw['exit'] as 0 | 1,
    clean: raw['clean'] as boolean,
    findings: findings('findings'),
    alsoAllowed: findings('alsoAllowed'),
    offlineErrorKeys: keys('offlineErrorKeys'),
    onlineErrorKeys: keys('onlineErrorKeys'),
    notes: typeof raw['notes'] === 'string' ? raw['notes'] : '',
  };
  if (expectation.clean !== (expectation.findings.length === 0)) fail('clean must be true exactly when findings is empty');
  if (expectation.exit !== (expectation.clean ? 0 : 1)) fail('exit must be 0 when clean and 1 otherwise');
  return expectation;
}

/** The pairs, read once. */
export const ZOO_PAIRS: readonly ZooPair[] = readZooPairs();
