import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveConfig } from '../../harness/config/resolve-config';
import type { CheckResult } from '../../harness/core/check-result';
import type { SkewReport } from '../../harness/core/report';
import { formatMarkdownReport } from '../../harness/reporters/format-markdown';
import { createColors } from '../../harness/reporters/colors';
import { formatCheck, formatTerminalReport } from '../../harness/reporters/format-terminal-report';
import { renderHtmlReport } from '../../harness/reporters/html/render-html-report';
import { runSkew } from '../../harness/runner/run-skew';
import { TempRepo } from '../cli/cli-harness';

/**
 * Prediction impact against a real model server with a known logistic model, p = σ(2·a + 0.0001·b). Field `a` is
 * skewed on a quarter of the rows by +1 (small in raw units, but worth 2 in the logit: it flips decisions near the
 * threshold); field `b` is skewed on two thirds of the rows by +100 (a larger difference, and a higher mismatch
 * rate, but worth 0.01 in the logit: it flips nothing). Expected numbers come from the closed form.
 */
const WA = 2;
const WB = 0.0001;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const score = (v: { a: number; b: number }) => sigmoid(WA * v.a + WB * v.b);
const ROWS = 40;
const offlineOf = (x: number) => ({ a: (x - 20) / 10, b: 10 * x });
const aSkewed = (x: number) => x % 4 === 0;
const bSkewed = (x: number) => x % 3 !== 0;
const onlineOf = (x: number) => {
  const o = offlineOf(x);
  return { a: o.a + (aSkewed(x) ? 1 : 0), b: o.b + (bSkewed(x) ? 100 : 0) };
};
const keyOf = (x: number) => `R${String(x).padStart(3, '0')}`;

describe('prediction impact', () => {
  const repo = new TempRepo();
  let server: Server;
  let port = 0;
  const scored: Array<{ path: string; a: number; b: number }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const json = JSON.parse(body) as Record<string, unknown>;
        if (req.url === '/f') return res.end(JSON.stringify({ features: onlineOf(json['x'] as number) }));
        const v = (req.url === '/wrapped' ? json['features'] : json) as { a: number; b: number };
        scored.push({ path: req.url!, ...v });
        // The flaky model fails every vector of rows with an even x (b = 10x, +100 online: b/10 keeps x's parity).
        if (req.url === '/flaky' && Math.round(v.b / 10) % 2 === 0) {
          res.statusCode = 500;
          return res.end('model crashed');
        }
        res.end(JSON.stringify(req.url === '/wrapped' ? { out: { p: score(v) } } : { prediction: score(v) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const lines = Array.from({ length: ROWS }, (_, x) => `${keyOf(x)},${x},${offlineOf(x).a},${offlineOf(x).b}`);
    repo.write('train.csv', ['id,x,off_a,off_b', ...lines].join('\n'));
  });
  afterAll(() => {
    server.close();
    repo.remove();
  });

  const run = async (impact: Record<string, unknown>): Promise<{ report: SkewReport; parity: CheckResult }> => {
    scored.length = 0;
    const config = resolveConfig(
      {
        source: { path: 'train.csv', key: 'id' },
        sample: { method: 'all' },
        offline: { prefix: 'off_' },
        serving: { url: `http://127.0.0.1:${port}/f` },
        checks: { determinism: false, generatedParity: false, inputContract: false, batchInvariance: false, labelInvariance: false },
        failures: { remember: false },
        impact,
      },
      { rootDir: repo.dir },
    );
    const report = await runSkew({ config, cwd: repo.dir });
    return { report, parity: report.checks.find((c) => c.name === 'parity')! };
  };
  const fieldOf = (check: CheckResult, name: string) => check.fields.find((f) => f.field === name)!;

  /** The closed form over the given rows: per field, |Δ| and flips of the offline vector with that field from online. */
  const expected = (xs: number[], field: 'a' | 'b', skewed: (x: number) => boolean) => {
    const deltas: number[] = [];
    let flipped = 0;
    for (const x of xs.filter(skewed)) {
      const base = offlineOf(x);
      const variant = { ...base, [field]: onlineOf(x)[field] };
      deltas.push(Math.abs(score(variant) - score(base)));
      if (score(variant) >= 0.5 !== score(base) >= 0.5) flipped++;
    }
    return { rows: deltas.length, mean: deltas.reduce((s, d) => s + d, 0) / deltas.length, max: Math.max(...deltas), flipped };
  };
  const all = Array.from({ length: ROWS }, (_, x) => x);
  const skewedRows = all.filter((x) => aSkewed(x) || bSkewed(x));

  it('ranks the field that flips decisions above a larger, more frequent skew that does not, with the closed-form numbers', async () => {
    const { report, parity } = await run({ model: { url: `http://127.0.0.1:${port}/score` }, threshold: 0.5 });
    const a = fieldOf(parity, 'a');
    const b = fieldOf(parity, 'b');
    // Without impact, b would be listed first: it differs more often and by more.
    expect(b.rate).toBeGreaterThan(a.rate);
    expect(b.maxAbsDiff!).toBeGreaterThan(a.maxAbsDiff!);

    const ea = expected(skewedRows, 'a', aSkewed);
    const eb = expected(skewedRows, 'b', bSkewed);
    expect(ea.flipped).toBeGreaterThan(0);
    expect(eb.flipped).toBe(0);
    expect(a.impact).toMatchObject({ rank: 1, rows: ea.rows, scored: ea.rows, failed: 0, flipped: ea.flipped });
    expect(a.impact!.meanAbsDelta).toBeCloseTo(ea.mean, 12);
    expect(a.impact!.maxAbsDelta).toBeCloseTo(ea.max, 12);
    expect(a.impact!.flipRate).toBeCloseTo(ea.flipped / ea.rows, 12);
    expect(b.impact).toMatchObject({ rank: 2, rows: eb.rows, scored: eb.rows, failed: 0, flipped: 0, flipRate: 0 });
    expect(b.impact!.meanAbsDelta).toBeCloseTo(eb.mean, 12);

    // Whole rows: the online vector against the offline one.
    const rowFlips = skewedRows.filter((x) => score(onlineOf(x)) >= 0.5 !== score(offlineOf(x)) >= 0.5).length;
    expect(parity.impact).toMatchObject({
      status: 'measured',
      threshold: 0.5,
      skewedRows: skewedRows.length,
      rowsChosen: skewedRows.length,
      vectors: { total: skewedRows.length * 2 + ea.rows + eb.rows, failed: 0 },
      rows: { scored: skewedRows.length, flipped: rowFlips },
      failures: [],
    });
    expect(scored).toHaveLength(parity.impact!.vectors.total);
    // Impact is information: the verdict and the check's own numbers are those of parity alone.
    expect(parity.status).toBe('failed');
    expect(report.verdict.status).toBe('skew');

    // Every format lists a before b.
    const terminal = formatTerminalReport(report, { colors: createColors(false) });
    const table = terminal.split('\n').filter((l) => /^\s+[ab]\s+\d/.test(l));
    expect(table.map((l) => l.trim()[0])).toEqual(['a', 'b']);
    expect(terminal).toMatch(/impact/);
    expect(terminal).toContain(`#1 ${ea.flipped}/${ea.rows} flip`);
    const markdown = formatMarkdownReport(report);
    expect(markdown.indexOf('| `a` |')).toBeGreaterThan(-1);
    expect(markdown.indexOf('| `a` |')).toBeLessThan(markdown.indexOf('| `b` |'));
    expect(markdown).toContain('**Prediction impact:**');
    const html = renderHtmlReport(report);
    const fieldTable = html.slice(html.indexOf('<table class="fields sortable">'), html.indexOf('</table>', html.indexOf('<table class="fields sortable">')));
    expect(fieldTable).toContain('<th title="rank by prediction impact');
    const rows = [...fieldTable.matchAll(/<td class="field">(?:<a [^>]*>)?([ab])</g)].map((m) => m[1]);
    expect(rows).toEqual(['a', 'b']);
    const cards = [...html.matchAll(/<h4>([ab])<\/h4>/g)].map((m) => m[1]);
    expect(cards).toEqual(['a', 'b']);
  });

  it('scores at most maxRows skewed rows, the same ones every run (lowest key hashes), through a mapped request and response', async () => {
    const impact = { model: { url: `http://127.0.0.1:${port}/wrapped`, request: { wrap: 'features' }, response: { path: 'out' } }, prediction: 'p', maxRows: 7 };
    const first = await run(impact);
    const firstVectors = scored.map((s) => `${s.a}/${s.b}`).sort();
    const again = await run(impact);
    expect(first.parity.impact).toMatchObject({ skewedRows: skewedRows.length, rowsChosen: 7, maxRows: 7, threshold: null });
    const a = fieldOf(first.parity, 'a').impact!;
    const b = fieldOf(first.parity, 'b').impact!;
    expect(a.rows + b.rows).toBeLessThanOrEqual(14);
    expect(first.parity.impact!.vectors.total).toBe(7 * 2 + a.rows + b.rows);
    expect(scored).toHaveLength(first.parity.impact!.vectors.total);
    expect(scored.map((s) => `${s.a}/${s.b}`).sort()).toEqual(firstVectors);
    // Without a threshold no decision is counted; |Δ| still ranks.
    expect(a.flipped).toBeNull();
    expect(again.parity.impact).toEqual(first.parity.impact);
  });

  it('counts model failures as failed rows, never as zero impact', async () => {
    const { parity } = await run({ model: { url: `http://127.0.0.1:${port}/flaky`, retries: 0, maxConsecutiveFailures: 0 }, threshold: 0.5 });
    const a = fieldOf(parity, 'a').impact!;
    const b = fieldOf(parity, 'b').impact!;
    // Every row skewed in `a` has an even x: the model scored none of them.
    expect(a).toMatchObject({ rank: null, scored: 0, failed: all.filter(aSkewed).length, meanAbsDelta: null, maxAbsDelta: null, flipRate: null });
    const odd = all.filter((x) => bSkewed(x) && x % 2 === 1);
    const eb = expected(odd, 'b', bSkewed);
    expect(b).toMatchObject({ rank: 1, scored: odd.length, failed: all.filter(bSkewed).length - odd.length });
    expect(b.meanAbsDelta).toBeCloseTo(eb.mean, 12);
    expect(parity.impact!.vectors.failed).toBeGreaterThan(0);
    expect(parity.impact!.failures[0]).toMatch(/500/);
    const lines = formatCheck(parity, { colors: createColors(false) }).join('\n');
    expect(lines).toContain(`not scored (${a.failed} failed)`);
    expect(lines).toMatch(/vectors got no prediction \(counted as failed, never as no change\): .*500/);
  });

  it('says impact needs a model endpoint when none is configured, and reports no number', async () => {
    const { parity } = await run({ threshold: 0.5 });
    expect(parity.impact).toMatchObject({ status: 'unavailable', notes: [expect.stringMatching(/^impact needs impact\.model/)] });
    expect(parity.fields.every((f) => f.impact === undefined)).toBe(true);
  });
});

describe('impact config', () => {
  const base = { source: { path: 'train.csv' }, offline: { prefix: 'off_' }, serving: { url: 'http://127.0.0.1:1/f' } };
  const resolve = (impact: unknown, env: Record<string, string> = {}) => resolveConfig({ ...base, impact }, { rootDir: '/tmp', env });

  it('resolves the model endpoint like serving, the response defaulting to the whole body', () => {
    expect(resolve(undefined).impact).toBeNull();
    const resolved = resolve({ model: { url: '${env.MODEL}/score', headers: { Authorization: 'Bearer ${env.TOKEN}' } } }, { MODEL: 'http://m', TOKEN: 's3cret' });
    expect(resolved.impact).toMatchObject({ prediction: 'prediction', threshold: null, maxRows: 100, model: { url: 'http://m/score', method: 'POST', retries: 3 } });
    expect(resolved.impact!.model!.response({ prediction: 0.3 }, {})).toEqual({ prediction: 0.3 });
    expect(resolved.secrets).toContain('s3cret');
  });

  it('names problems under impact.model', () => {
    expect(() => resolve({ model: { url: 'ftp://m' } })).toThrow(/^impact\.model\.url must be an http\(s\) URL/);
    expect(() => resolve({ model: { url: '${env.NOPE}/s' } })).toThrow(/^impact\.model\.url uses \$\{env\.NOPE\}/);
    expect(() => resolve({ model: { url: 'http://m', start: { command: ['x'], readyUrl: 'http://m' } } })).toThrow(/impact\.model.*start/);
    expect(() => resolve({ maxRows: 0 })).toThrow(/^impact\.maxRows/);
    expect(() => resolve({ treshold: 0.5 })).toThrow(/impact\.treshold.*threshold/);
  });
});
