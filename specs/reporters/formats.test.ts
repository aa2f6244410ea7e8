import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { decodeJsonValue } from '../../harness/core/json-encoding';
import type { SkewReport } from '../../harness/core/report';
import { formatGithubAnnotations } from '../../harness/reporters/format-github';
import { formatJunitReport } from '../../harness/reporters/format-junit';
import { formatMarkdownReport } from '../../harness/reporters/format-markdown';
import { renderHtmlReport } from '../../harness/reporters/html';
import { serializeReport } from '../../harness/reporters/json-reporter';
import { createFixtureReport, HOSTILE_SCRIPT } from '../../scripts/html-check/fixture-report';

const schema = readFileSync(path.join(__dirname, '..', 'fixtures', 'junit.xsd'), 'utf8');
const roundTrip = (report: SkewReport) => decodeJsonValue(JSON.parse(serializeReport(report))) as SkewReport;

describe('report formats', () => {
  it('render the same from the live report and from its saved JSON', () => {
    const live = createFixtureReport();
    const saved = roundTrip(live);
    expect(formatMarkdownReport(saved)).toBe(formatMarkdownReport(live));
    expect(formatJunitReport(saved)).toBe(formatJunitReport(live));
    expect(renderHtmlReport(saved)).toBe(renderHtmlReport(live));
    expect(formatGithubAnnotations(saved)).toEqual(formatGithubAnnotations(live));
  });

  describe('JUnit XML', () => {
    it('validates against the JUnit schema CI systems read', async () => {
      const xml = formatJunitReport(createFixtureReport());
      const result = await validateXML({ xml: [{ fileName: 'skew-junit.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: schema }] });
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    });

    it('has a testsuite per check and a testcase per field, classname skew.<check>, failures with examples', () => {
      const report = createFixtureReport();
      const xml = formatJunitReport(report);
      for (const check of report.checks) expect(xml).toContain(`<testsuite name="${check.name}"`);
      const parity = report.checks.find((c) => c.name === 'parity')!;
      const failed = parity.fields.find((f) => f.status === 'failed')!;
      expect(xml).toMatch(new RegExp(`<testcase classname="skew\\.parity" name="${failed.field}" time="0">\\n\\s+<failure type="skew" message="${failed.mismatched} of ${failed.compared} rows differ`));
      expect(xml).not.toContain(HOSTILE_SCRIPT);
      expect(xml).toContain('&lt;script&gt;');
    });

    it('stays well-formed whatever the data holds (control characters, lone surrogates)', async () => {
      const report = createFixtureReport();
      const parity = report.checks.find((c) => c.name === 'parity')!;
      parity.fields.find((f) => f.status === 'failed')!.examples[0]!.offline = 'bad \u0001 \uD800 "quoted" & <tag>';
      const result = await validateXML({ xml: [{ fileName: 'x.xml', contents: formatJunitReport(report) }], schema: [{ fileName: 'junit.xsd', contents: schema }] });
      expect(result.valid).toBe(true);
    });
  });

  describe('Markdown', () => {
    it('leads with the verdict and lists every failing field with its interval', () => {
      const report = createFixtureReport();
      const md = formatMarkdownReport(report);
      expect(md.split('\n')[0]).toMatch(/^## ❌ skew-harness: (SKEW|FAILED)$/);
      for (const check of report.checks) {
        for (const f of check.fields.filter((x) => x.status === 'failed' && !x.side)) expect(md).toMatch(new RegExp(`\\| \`${f.field}\` \\| ${f.compared} \\| ${f.mismatched} \\| `));
      }
      expect(md).toContain('Reproduce with:');
      // Data may hold HTML; it may appear only inside code spans, where Markdown renders it as text.
      expect(md.replace(/(`+)[^`]*?\1/g, '')).not.toContain('<script>');
    });

    it('truncates with a note instead of posting an oversized comment', () => {
      const report = createFixtureReport();
      const full = formatMarkdownReport(report);
      const small = formatMarkdownReport(report, { maxLength: Math.floor(full.length / 2) });
      expect(small.length).toBeLessThanOrEqual(Math.floor(full.length / 2));
      expect(small).toMatch(/_Truncated/);
      expect(small.split('\n')[0]).toBe(full.split('\n')[0]);
    });

    it('keeps table cells intact when values hold pipes and newlines', () => {
      const report = createFixtureReport();
      report.checks.find((c) => c.name === 'parity')!.summary = 'a | b\nc';
      expect(formatMarkdownReport(report)).toContain('a \\| b c');
    });

    it('keeps an example row in its cells when its key is composite (S020|SKU-1)', () => {
      const cells = (line: string): number => line.split(/(?<!\\)\|/).length;
      const report = createFixtureReport();
      const example = report.checks.flatMap((c) => c.fields).find((f) => f.examples.length > 0)!.examples[0]!;
      const rowOf = (md: string, key: string): string => md.split('\n').find((line) => line.startsWith(`| \`${key}`))!;
      const before = rowOf(formatMarkdownReport(report), example.key);
      example.key = 'S020|SKU-00173|2024-01-01';
      const row = rowOf(formatMarkdownReport(report), 'S020');
      expect(row).toContain('`S020\\|SKU-00173\\|2024-01-01`');
      // A pipe not escaped would split the key over three cells.
      expect(cells(row)).toBe(cells(before));
    });
  });

  describe('GitHub annotations', () => {
    it('emits one ::error per failing field with the reproduce line, escaped for workflow commands', () => {
      const report = createFixtureReport();
      const lines = formatGithubAnnotations(report);
      const failing = report.checks.flatMap((c) => (c.status === 'failed' ? c.fields.filter((f) => f.status === 'failed') : []));
      expect(lines.filter((l) => l.startsWith('::error ')).length).toBeGreaterThanOrEqual(failing.length);
      for (const line of lines) {
        expect(line).not.toMatch(/\n/);
        expect(line).toMatch(/^::(error|warning) file=examples\/churn\/skew\.config\.ts,title=[^:]*::/);
      }
      expect(lines.join('\n')).toContain('Reproduce with: npx skew run');
    });
  });
});
