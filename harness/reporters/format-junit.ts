import type { CheckResult } from '../core/check-result';
import type { FieldStats } from '../core/field-stats';
import type { SkewReport } from '../core/report';
import { formatRate } from '../core/summarize-verdict';
import { describeRowsDiffer } from '../core/check-accounting';
import { escapeXml } from './escape-xml';
import { formatInputsLine, leadingColumns } from './format-example-inputs';
import { formatSegmentsLine } from './format-segments';
import { formatNumber, formatValue } from './format-value';
import { inputContractCases, warningsOut, type JunitCase } from './junit-input-contract';

/**
 * The report as JUnit XML: a `<testsuite>` per check, a `<testcase>` per field (classname `skew.<check>`), a
 * `<failure>` carrying the summary and example rows for failing fields, `<skipped>` with the reason for skipped
 * checks, `<error>` for inconclusive ones. Checks without fields get one test case named after the check. Valid
 * against the JUnit schema CI systems read (Jenkins junit-10, GitLab, GitHub test reporters). Pure.
 */
export function formatJunitReport(report: SkewReport): string {
  const suites = report.checks.map((check) => suite(check, report));
  const count = (tag: string) => suites.reduce((n, s) => n + s.counts[tag as keyof typeof s.counts], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="skew-harness" tests="${count('tests')}" failures="${count('failures')}" errors="${count('errors')}" time="${seconds(report.run.durationMs)}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

type Case = JunitCase;

function suite(check: CheckResult, report: SkewReport): { xml: string; counts: { tests: number; failures: number; errors: number; skipped: number } } {
  const classname = `skew.${check.name}`;
  const cases: Case[] = [];
  if (check.status === 'skipped') cases.push({ name: check.name, body: `<skipped message="${escapeXml(check.summary)}"/>` });
  else if (check.status === 'error') cases.push({ name: check.name, body: `<error type="error" message="${escapeXml(check.summary)}"></error>` });
  else if (check.status === 'inconclusive') cases.push({ name: check.name, body: `<error type="inconclusive" message="${escapeXml(check.summary)}">${escapeXml(errorsText(check))}</error>` });
  else if (check.inputContract) cases.push(...inputContractCases(check));
  else {
    const fields = check.compares === 'same-side' ? check.fields.filter((f) => f.mismatched > 0 || f.status === 'failed') : check.fields;
    for (const f of fields) cases.push({ name: fieldName(f), body: f.status === 'failed' ? failure(check, f, report) : '' });
    if (cases.length === 0 || (check.status === 'failed' && !fields.some((f) => f.status === 'failed'))) {
      cases.push({ name: check.name, body: check.status === 'failed' ? `<failure type="${check.name}" message="${escapeXml(check.summary)}">${escapeXml(check.summary)}</failure>` : '' });
    }
  }
  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.body.startsWith('<failure')).length,
    errors: cases.filter((c) => c.body.startsWith('<error')).length,
    skipped: cases.filter((c) => c.body.startsWith('<skipped')).length,
  };
  const time = seconds(check.durationMs ?? 0);
  const xml = [
    `  <testsuite name="${escapeXml(check.name)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="${time}" timestamp="${escapeXml(report.run.startedAt.replace(/Z$/, ''))}">`,
    ...cases.map((c) =>
      c.body === ''
        ? `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(c.name)}" time="0"/>`
        : `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(c.name)}" time="0">\n      ${c.body}\n    </testcase>`,
    ),
    ...(warningsOut(check) === null ? [] : [`    ${warningsOut(check)}`]),
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

function failure(check: CheckResult, f: FieldStats, report: SkewReport): string {
  const message = `${describeRowsDiffer(f.mismatched, f.compared)} (${formatRate(f.rate)}, 95% CI ${formatRate(f.interval[0])}–${formatRate(f.interval[1])}, budget ${formatRate(f.budget)})`;
  const [a, b] = [check.labels?.offline ?? 'offline', check.labels?.online ?? 'online'];
  const lines = [message];
  for (const hint of f.analysis?.hints ?? []) lines.push(`Hint: ${hint.message} (${hint.evidence})`);
  const segments = formatSegmentsLine(f.analysis?.segments);
  if (segments) lines.push(`Where: ${segments}`);
  const leading = leadingColumns(f);
  for (const m of f.examples) {
    lines.push(`  ${m.key} ${m.path}: ${a} ${formatValue(m.offline)}, ${b} ${formatValue(m.online)}${m.absDiff !== undefined ? `, diff ${formatNumber(m.absDiff)}` : ''}${m.detail ? ` (${m.detail})` : ''}`);
    if (m.inputs || m.changes) lines.push(`    inputs: ${formatInputsLine(m, leading, 160)}`);
  }
  for (const x of (check.counterexamples ?? []).filter((c) => c.field === f.field)) lines.push(`Minimal counterexample: ${x.description}`, `Reproduce with: ${x.reproduce}`);
  const own = f.reproduce ?? check.reproduce ?? report.reproduce;
  if (!lines.includes(`Reproduce with: ${own}`)) lines.push(`Reproduce with: ${own}`);
  return `<failure type="${escapeXml(check.compares === 'same-side' ? check.name : 'skew')}" message="${escapeXml(message)}">${escapeXml(lines.join('\n'))}</failure>`;
}

function errorsText(check: CheckResult): string {
  return check.errors.map((e) => `${e.side} ${e.key}: ${e.message}`).join('\n');
}

function fieldName(f: FieldStats): string {
  return f.side ? `${f.side}.${f.field}` : f.field;
}

/** Seconds with three decimals, no exponent (the schema's time pattern). */
function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}
