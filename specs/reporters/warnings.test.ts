import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import type { CheckResult } from '../../harness/core/check-result';
import type { SkewReport } from '../../harness/core/report';
import { summarizeVerdict } from '../../harness/core/summarize-verdict';
import { decideVerdict, type VerdictInput } from '../../harness/core/verdict';
import { createColors } from '../../harness/reporters/colors';
import { formatGithubAnnotations } from '../../harness/reporters/format-github';
import { formatJunitReport } from '../../harness/reporters/format-junit';
import { formatMarkdownReport } from '../../harness/reporters/format-markdown';
import { formatCheck, formatTerminalReport } from '../../harness/reporters/format-terminal-report';
import { renderHtmlReport } from '../../harness/reporters/html';
import { createFixtureReport, HOSTILE_SCRIPT } from '../../scripts/html-check/fixture-report';
import { nestingProblems, parseTags } from './html/html-structure';

/** Warnings (a check that passes with findings) and the input-contract check's probes in every report format. */

const schema = readFileSync(path.join(__dirname, '..', 'fixtures', 'junit.xsd'), 'utf8');
const colors = createColors(false);
const contractOf = (report: SkewReport): CheckResult => report.checks.find((c) => c.name === 'input-contract')!;

/** The fixture report with only passing checks besides input-contract: a clean run with warnings. */
function cleanWithWarnings(fail = false): SkewReport {
  const report = createFixtureReport();
  const contract = contractOf(report);
  const failed = fail ? { ...contract, status: 'failed' as const, warnings: undefined, inputContract: { ...contract.inputContract!, fail: true } } : contract;
  report.checks = [report.checks.find((c) => c.name === 'determinism')!, failed];
  const verdict = decideVerdict({ checks: report.checks, errors: { offline: 0, online: 0, rows: 100 }, errorBudget: 0.01, compared: 100, minCompared: 1 });
  report.verdict = { ...verdict, summary: summarizeVerdict(verdict) };
  return report;
}

describe('the verdict with warnings', () => {
  const input = (checks: CheckResult[]): VerdictInput => ({ checks, errors: { offline: 0, online: 0, rows: 100 }, errorBudget: 0.01, compared: 100, minCompared: 1 });

  it('stays clean, exit 0, and counts the warnings in its line', () => {
    const report = cleanWithWarnings();
    expect(report.verdict).toMatchObject({ status: 'clean', exitCode: 0, reasons: [], warnings: [{ check: 'input-contract', count: 3 }] });
    expect(report.verdict.summary).toBe('CLEAN: every check passed; 3 warnings in input-contract');
  });

  it('adds nothing for checks without warnings, and keeps a skew verdict a skew verdict', () => {
    const plain = decideVerdict(input([createFixtureReport().checks[0]!]));
    expect(plain).toEqual({ status: 'clean', exitCode: 0, reasons: [] });
    const report = createFixtureReport();
    expect(report.verdict.status).toBe('skew');
    expect(report.verdict.summary).toMatch(/^SKEW: .*; 3 warnings in input-contract$/);
  });

  it('fails with exit 1 when the check fails on divergent reactions (fail: true)', () => {
    const report = cleanWithWarnings(true);
    expect(report.verdict).toMatchObject({ status: 'failed', exitCode: 1, reasons: [{ kind: 'check_failed', check: 'input-contract' }] });
  });
});

describe('reporters', () => {
  it('terminal: the probe table, the warnings with their examples, and the rerun command', () => {
    const lines = formatCheck(contractOf(createFixtureReport()), { colors });
    const text = lines.join('\n');
    expect(lines[0]).toMatch(/^input-contract {2}✓ passed {2}7 out-of-contract probes of row C002386: /);
    expect(text).toMatch(/^ {2}7 probes \(of 23 the contract allows\), each the typical row C002386 with one value made invalid; errors: 0 offline, 1 online$/m);
    expect(text).toMatch(/^ {2}probe +columns +offline +serving +reaction$/m);
    expect(text).toMatch(/^ {2}missing-column +plan +rejects +computes +serving computes what training would reject$/m);
    expect(text).toMatch(/^ {2}malformed-date +signup_date +rejects +rejects \(500\) +both reject$/m);
    expect(text).toMatch(/^ {4}⚠ offline computes what serving rejects: a number sent as a string \(monthly_spend\)$/m);
    expect(text).toContain('plan: "basic" → null — both computed features; plan_code differs');
    expect(text).toMatch(/^ {2}Reproduce with: npx skew run .* --checks input-contract$/m);
    expect(formatTerminalReport(cleanWithWarnings(), { colors })).toMatch(/^CLEAN: every check passed; 3 warnings in input-contract$/m);
  });

  it('markdown: the probe table and a list of warnings', () => {
    const md = formatMarkdownReport(cleanWithWarnings());
    expect(md).toContain('**CLEAN: every check passed; 3 warnings in input-contract**');
    expect(md).toContain('| probe | columns | offline | serving | reaction |');
    expect(md).toContain('| missing-column | plan | rejects | computes | ⚠️ serving computes what training would reject |');
    expect(md).toMatch(/^- ⚠️ \*\*input-contract: both compute but differ: null in a never-null column \(plan\)\*\* — `plan: "basic" → null — both computed features; plan_code differs`$/m);
    expect(md.replace(/(`+)[^`]*?\1/g, '')).not.toContain('<script>');
  });

  it('html: the probe table, the warnings and the verdict line, all escaped and well nested', () => {
    const page = renderHtmlReport(cleanWithWarnings());
    expect(page).toContain('<table class="probes">');
    expect(page).toContain('<div class="warnings"><h5>Warnings');
    expect(page).toMatch(/<a href="#check-\d+">3 warnings in input-contract<\/a>/);
    expect(page).not.toContain(HOSTILE_SCRIPT);
    expect(nestingProblems(parseTags(page))).toEqual([]);
  });

  it('junit: a test case per probe kind with the reactions; failures only when the check fails; valid XML', async () => {
    for (const report of [cleanWithWarnings(), cleanWithWarnings(true)]) {
      const xml = formatJunitReport(report);
      const result = await validateXML({ xml: [{ fileName: 'x.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: schema }] });
      expect(result.errors).toEqual([]);
      expect(xml).toContain('<testcase classname="skew.input-contract" name="missing-column" time="0">');
      expect(xml).toMatch(/plan: offline rejects, serving computes — serving computes what training would reject/);
    }
    const warned = formatJunitReport(cleanWithWarnings());
    expect(warned).toMatch(/<testsuite name="input-contract" tests="6" failures="0"/);
    expect(warned).toContain('<system-out>Warnings (reported, not failed):');
    expect(formatJunitReport(cleanWithWarnings(true))).toMatch(/<testsuite name="input-contract" tests="6" failures="3"/);
  });

  it('github: a ::warning annotation per warning, with the rerun command', () => {
    const lines = formatGithubAnnotations(cleanWithWarnings()).filter((l) => l.includes('input-contract'));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^::warning file=examples\/churn\/skew\.config\.ts,title=skew input-contract%3A warning::.*%0AReproduce with: npx skew run .* --checks input-contract$/);
  });
});
