import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJsonValue } from '../../harness/core/json-encoding';
import { parseJson } from '../../harness/core/lossless-json';
import type { SkewReport } from '../../harness/core/report';
import { runCli, TempRepo } from './cli-harness';

/** The shortest decimal that reads back as the float32 `single` (what TF Serving and other float32 writers print). */
function shortestFloat32(single: number): string {
  for (let digits = 1; digits <= 9; digits++) {
    const text = single.toPrecision(digits);
    if (Math.fround(Number(text)) === single) return String(Number(text));
  }
  return String(single);
}

/**
 * Type fidelity on the wire, run as a user would: a Python pipeline prints an int64 id past 2^53 exactly, a float64
 * ratio and a NaN (Python's bare token); a local server answers the same id (but one unit off on row T5), the ratio
 * as float32 printed short, and NaN as TF Serving does. Nothing a double would round may hide the T5 difference, and
 * nothing a double would round may invent one elsewhere.
 */
describe('type fidelity on the wire', () => {
  const repo = new TempRepo();
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        // The request body must carry the row as JSON; the response is written by hand, as a non-JS server would.
        const row = parseJson(body) as { id: string; x: number };
        const id = 9007199254740993n + BigInt(row.x) - (row.id === 'T5' ? 1n : 0n);
        res.setHeader('content-type', 'application/json');
        const single = shortestFloat32(Math.fround(row.x / 7));
        res.end(`{"features": {"user_id": ${id}, "ratio": ${single}, "ratio_f64": ${single}, "missing": NaN}}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    repo.write('train.csv', ['id,x', ...Array.from({ length: 40 }, (_, i) => `T${i},${i + 1}`)].join('\n'));
    repo.write(
      'pipeline.py',
      `import json, sys
for line in sys.stdin:
    row = json.loads(line)
    print(json.dumps({"user_id": 9007199254740993 + row["x"], "ratio": row["x"] / 7, "ratio_f64": row["x"] / 7, "missing": float("nan")}), flush=True)
`,
    );
    repo.write(
      'skew.config.js',
      `module.exports = {
      source: { path: 'train.csv', key: 'id' },
      offline: { command: ['python3', 'pipeline.py'] },
      serving: { url: 'http://127.0.0.1:${(server.address() as AddressInfo).port}/f' },
      checks: { determinism: false, inputContract: false, batchInvariance: false, labelInvariance: false, generatedParity: false },
      compare: { fields: { ratio: { float32: true } } },
      report: { reporters: ['json', 'markdown'] },
    };`,
    );
  });
  afterAll(() => {
    server.close();
    repo.remove();
  });

  const run = async () => {
    const result = await runCli(['run'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    const text = readFileSync(repo.path('reports/skew-report.json'), 'utf8');
    const report = decodeJsonValue(parseJson(text)) as SkewReport;
    const fields = report.checks.find((c) => c.name === 'parity')!.fields;
    return { ...result, text, markdown: readFileSync(repo.path('reports/skew-report.md'), 'utf8'), field: (name: string) => fields.find((f) => f.field === name) };
  };

  it('finds the one-unit int64 difference, nothing where float32 is on, and names float32 widening where it is off', async () => {
    const { code, text, markdown, field } = await run();
    expect(code).toBe(1);
    expect(field('user_id')).toMatchObject({ compared: 40, mismatched: 1, maxAbsDiff: 1 });
    expect(field('user_id')!.examples[0]).toMatchObject({ key: 'T5', offline: 9007199254740999n, online: 9007199254740998n });
    expect(field('ratio')).toMatchObject({ compared: 40, mismatched: 0 });
    expect(field('missing')).toMatchObject({ compared: 40, mismatched: 0 });
    // JSON numbers with their exact digits, in the JSON report and in the markdown.
    expect(text).toMatch(/"offline": 9007199254740999,\s*"online": 9007199254740998/);
    expect(markdown).toContain('9007199254740999');
    // The same values without the policy: float32 widening, named with its fix.
    const ratio = field('ratio_f64')!;
    // x/7 is exact in float32 only for x a multiple of 7 (0 mod 7 divides to a small integer).
    expect(ratio.mismatched).toBe(40 - 5);
    expect(ratio.analysis?.hints[0]).toMatchObject({ kind: 'float32_widening' });
    expect(ratio.analysis!.hints[0]!.message).toContain('compare: { fields: { ratio_f64: { float32: true } } }');
  });
});
