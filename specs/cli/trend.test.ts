import { readFileSync } from 'node:fs';
import { runCli, TempRepo, type CliResult } from './cli-harness';
import { checkWithRates, nightlyReport } from './trend-reports';

const HOSTILE = '<script>alert("x")</script>';

/**
 * `skew trend` over three nights given out of order: a field that appears (a), one that is fixed (b), one that
 * clearly worsens (c), one that clearly improves (d), one that moves within noise (e), one always clean (z), and a
 * check only the latest night ran. The middle night ran another config.
 */
describe('skew trend', () => {
  const repo = new TempRepo();
  let terminal: CliResult;
  let json: CliResult;
  let markdown: CliResult;
  let page: string;
  let notAReport: CliResult;

  beforeAll(async () => {
    repo.write('nights/mon.json', nightlyReport('2026-11-23T02:00:00.000Z', [checkWithRates('parity', { a: 0, b: 50, c: 100, d: 100, e: 30, z: 0, [HOSTILE]: 5 })]));
    repo.write('nights/tue.json', nightlyReport('2026-11-24T02:00:00.000Z', [checkWithRates('parity', { a: 0, b: 50, c: 100, d: 100, e: 30, z: 0, [HOSTILE]: 5 })], 'a1b2c3d4e5f6'));
    repo.write('nights/wed.json', nightlyReport('2026-11-25T02:00:00.000Z', [checkWithRates('generated-parity', { g: 7 }, 200), checkWithRates('parity', { a: 20, b: 0, c: 300, d: 10, e: 33, z: 0, [HOSTILE]: 5 })]));
    repo.write('nights/notes.json', '{"hello": "world"}\n');
    const files = ['nights/wed.json', 'nights/mon.json', 'nights/tue.json'];
    [terminal, json, markdown, , notAReport] = await Promise.all([
      runCli(['trend', ...files], { cwd: repo.dir }),
      runCli(['trend', ...files, '--reporter', 'json'], { cwd: repo.dir }),
      runCli(['trend', ...files, '--reporter', 'markdown', '--last', '2'], { cwd: repo.dir }),
      runCli(['trend', ...files, '--reporter', 'html', '--out', 'trend.html'], { cwd: repo.dir }),
      runCli(['trend', 'nights/mon.json', 'nights/notes.json'], { cwd: repo.dir }),
    ]);
    page = readFileSync(repo.path('trend.html'), 'utf8');
  });
  afterAll(() => repo.remove());

  it('prints a table of fields × nights in run order, parity first, with the latest interval and arrowed changes', () => {
    expect(terminal.code).toBe(0);
    const out = terminal.stdout;
    expect(out).toContain('skew trend: 3 nights, 2026-11-23 … 2026-11-25 (latest: nights/wed.json, SKEW)');
    const header = out.split('\n').find((l) => l.includes('field') && l.includes('2026-11-23'))!;
    expect(header.indexOf('2026-11-23')).toBeLessThan(header.indexOf('2026-11-24'));
    expect(header.indexOf('2026-11-24')).toBeLessThan(header.indexOf('2026-11-25'));
    expect(out.indexOf('\nparity\n')).toBeLessThan(out.indexOf('\ngenerated-parity\n'));
    const row = (field: string) => out.split('\n').find((l) => l.trimStart().startsWith(`${field} `))!;
    expect(row('a')).toMatch(/^\s+a\s+0%\s+0%\s+2\.00% \(1\.\d+–3\.\d+%\)\s+↑ new$/);
    expect(row('b')).toMatch(/5\.00%\s+5\.00%\s+0%\s+✓ resolved$/);
    expect(row('c')).toMatch(/10\.0%\s+10\.0%\s+30\.0% \(27\.\d–32\.\d%\)\s+↑ worse$/);
    expect(row('d')).toMatch(/↓ better$/);
    expect(row('e')).toMatch(/3\.00%\s+3\.00%\s+3\.30% \([\d.]+–[\d.]+%\)$/);
    expect(row('g')).toMatch(/^\s+g\s+–\s+–\s+3\.50%.*↑ new$/);
    expect(out).toContain('+ 1 field clean every night');
    expect(out).toContain('latest against the night before: 2 new, 1 worse, 1 better, 1 resolved');
  });

  it('warns, and does not fail, when the nights ran different configs', () => {
    expect(json.stderr).toMatch(/^skew trend: warning: the reports were run with 2 different configs: 7d1b0fba2287 \(nights\/mon\.json, nights\/wed\.json\); a1b2c3d4e5f6 \(nights\/tue\.json\)/);
    expect(terminal.stdout).toContain('warning: the reports were run with 2 different configs');
    expect(terminal.stderr).toBe('');
  });

  it('gives the series as JSON: nights oldest first, one point per night, the change of the latest', () => {
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { kind: string; nights: Array<{ file: string }>; fields: Array<{ check: string; field: string; points: Array<{ rate: number; interval: number[] } | null>; change: string | null }>; latest: { new: Array<{ field: string }> }; warnings: string[] };
    expect(doc.kind).toBe('skew-trend');
    expect(doc.nights.map((n) => n.file)).toEqual(['nights/mon.json', 'nights/tue.json', 'nights/wed.json']);
    expect(doc.fields.map((f) => `${f.check}.${f.field}`)).toEqual(['parity.a', 'parity.b', 'parity.c', 'parity.d', 'parity.e', 'parity.z', `parity.${HOSTILE}`, 'generated-parity.g']);
    const field = (name: string) => doc.fields.find((f) => f.field === name)!;
    expect(field('c').points.map((p) => p?.rate)).toEqual([0.1, 0.1, 0.3]);
    expect(field('c').points[2]!.interval[0]).toBeGreaterThan(field('c').points[1]!.interval[1]!);
    expect(field('g').points).toEqual([null, null, expect.objectContaining({ rate: 0.035 })]);
    expect(Object.fromEntries(doc.fields.map((f) => [f.field, f.change]))).toEqual({ a: 'new', b: 'resolved', c: 'worse', d: 'better', e: null, z: null, [HOSTILE]: null, g: 'new' });
    expect(doc.latest.new.map((e) => e.field).sort()).toEqual(['a', 'g']);
    expect(doc.warnings).toHaveLength(1);
  });

  it('keeps the last N nights with --last, as a Markdown table', () => {
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('| field | 2026-11-24 | 2026-11-25 | change |');
    expect(markdown.stdout).not.toContain('2026-11-23');
    expect(markdown.stdout).toMatch(/\| `c` \| \*\*10\.0%\*\* \| \*\*30\.0% \([\d.]+–[\d.]+%\)\*\* \| ↑ worse \|/);
  });

  it('draws a self-contained HTML page with every datum escaped', () => {
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('Content-Security-Policy');
    expect(page).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(page).not.toContain(HOSTILE);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.match(/<script/g)).toHaveLength(1);
    // A chart per field that mismatched on some night (not z), each point with its interval in a tooltip.
    expect(page.match(/<figure class="chart">/g)).toHaveLength(7);
    expect(page).toContain('2026-11-25: 30.0% (95% CI');
  });

  it('names a file that is not a report, on one line, and exits 2', () => {
    expect(notAReport.code).toBe(2);
    expect(notAReport.stdout).toBe('');
    expect(notAReport.stderr.trim().split('\n')).toHaveLength(1);
    expect(notAReport.stderr).toMatch(/notes\.json.*is not a skew-harness JSON report/);
  });
});
