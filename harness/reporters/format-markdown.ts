import type { CheckResult } from '../core/check-result';
import type { FieldStats } from '../core/field-stats';
import type { SkewReport } from '../core/report';
import { formatRate } from '../core/summarize-verdict';
import { formatCountOf } from '../core/plural';
import type { Trend } from '../core/trend';
import { checkAccounting, describeCheckRows } from '../core/check-accounting';
import { markdownCell, markdownCode, markdownCodeCell } from './escape-markdown';
import { markdownInputContract, markdownWarnings } from './markdown-input-contract';
import { formatNumber, formatValue, truncate } from './format-value';
import { formatChanges, leadingColumns, orderedInputs } from './format-example-inputs';
import { formatAllSegments, splitName } from './format-segments';
import { describeImpact, formatFieldImpact } from './format-impact';
import { rankedFirst } from '../core/review-order';

/** Options of {@link formatMarkdownReport}. */
export interface MarkdownOptions {
  /** Largest output in characters (a GitHub PR comment holds 65,536). Default 60000. */
  maxLength?: number;
  /** Example rows per failing field. Default 3. */
  examples?: number;
}

const ICON: Record<string, string> = { passed: '✅', failed: '❌', skipped: '⏭️', inconclusive: '⚠️', error: '🛑' };
const VERDICT_ICON: Record<string, string> = { clean: '✅', skew: '❌', failed: '❌', inconclusive: '⚠️', interrupted: '⏹️' };

/**
 * The report as Markdown for a PR comment or a CI step summary: a verdict line, a table of checks, per check a
 * field table (rate with its 95% interval, max difference, hint), top examples and counterexamples in collapsed
 * sections, reproduce lines, and the trend. Over `maxLength`, detail sections are dropped (last checks first) and a
 * note says so, rather than posting an oversized comment. Pure and deterministic.
 */
export function formatMarkdownReport(report: SkewReport, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? 60_000;
  const head = header(report);
  const sections = report.checks.map((check) => ({ summary: checkSummary(check), details: checkDetails(check, options.examples ?? 3) }));
  const tail = footer(report);
  const assemble = (withDetails: number) =>
    [
      ...head,
      ...sections.flatMap((s, i) => [...s.summary, ...(i < withDetails ? s.details : [])]),
      ...(withDetails < sections.filter((s) => s.details.length > 0).length ? [`> _Truncated: details of ${sections.length - withDetails} check(s) left out to fit a comment; see the full report artifact._`, ''] : []),
      ...tail,
    ].join('\n');
  for (let withDetails = sections.length; withDetails >= 0; withDetails--) {
    const text = assemble(withDetails);
    if (text.length <= maxLength || withDetails === 0) return text.length <= maxLength ? text : `${text.slice(0, maxLength - 80)}\n\n> _Truncated at ${maxLength} characters._\n`;
  }
  return assemble(0);
}

function header(r: SkewReport): string[] {
  const rows = [
    `## ${VERDICT_ICON[r.verdict.status] ?? ''} skew-harness: ${r.verdict.status.toUpperCase()}`,
    '',
    `**${markdownCell(r.verdict.summary)}**`,
    '',
    `${r.accounting.rowsSampled} rows sampled (${r.accounting.rowsRead} read from ${markdownCode(r.source.path)}). Config ${markdownCode(r.run.configFile ?? 'inline')}${r.run.target ? `, target ${markdownCode(r.run.target)}` : ''}, seed ${r.run.seed}.`,
    '',
    // Each check's rows apart: errors of one check are never added to another's.
    ...checkAccounting(r).map((a) => `- ${markdownCell(a.check)}: ${describeCheckRows(a.rows)}`),
    ...(checkAccounting(r).length > 0 ? [''] : []),
    ...(r.warnings ?? []).map((w) => `> ⚠️ ${markdownCell(w)}`),
    ...(r.warnings?.length ? [''] : []),
    '| check | status | summary |',
    '|---|---|---|',
    ...r.checks.map((c) => `| ${c.name} | ${ICON[c.status] ?? ''} ${c.status} | ${markdownCell(c.summary)} |`),
    '',
  ];
  return rows;
}

function checkSummary(check: CheckResult): string[] {
  if (check.inputContract) return [...markdownInputContract(check, ICON[check.status] ?? ''), ...markdownWarnings(check)];
  if (check.status === 'skipped' || check.fields.length === 0) return markdownWarnings(check);
  const fields = check.compares === 'same-side' ? check.fields.filter((f) => f.mismatched > 0) : check.fields;
  if (fields.length === 0) return markdownWarnings(check);
  // Fields ranked by prediction impact first: a reviewer fixes first what changes decisions.
  const sorted = rankedFirst([...fields].sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed') || b.rate - a.rate));
  const withImpact = fields.some((f) => f.impact);
  const impactCell = (f: FieldStats) => (withImpact ? ` ${f.impact ? markdownCell(formatFieldImpact(f.impact)) : ''} |` : '');
  return [
    `### ${ICON[check.status] ?? ''} ${check.name}`,
    '',
    `| field | compared | mismatched | rate (95% CI) | max \\|diff\\| |${withImpact ? ' impact |' : ''} hint |`,
    `|---|---:|---:|---|---:|${withImpact ? '---|' : ''}---|`,
    ...sorted.map((f) => `| ${markdownCell(fieldName(f))} | ${f.compared} | ${f.mismatched} | ${formatRate(f.rate)} (${formatRate(f.interval[0])}–${formatRate(f.interval[1])}) | ${f.maxAbsDiff === null ? '' : formatNumber(f.maxAbsDiff)} |${impactCell(f)} ${markdownCell(f.analysis?.hints[0]?.message ?? '')} |`),
    '',
    ...(check.impact ? [`**Prediction impact:** ${describeImpact(check.impact).map(markdownCell).join('; ')}`, ''] : []),
    ...markdownWarnings(check),
  ];
}

/** Fixed cases listed per check; the rest are counted. */
const MAX_FIXED = 20;

function checkDetails(check: CheckResult, examples: number): string[] {
  const out: string[] = [];
  for (const f of rankedFirst(check.fields.filter((x) => x.status === 'failed' && x.examples.length > 0))) {
    const [a, b] = [check.labels?.offline ?? 'offline', check.labels?.online ?? 'online'];
    out.push(`<details><summary>${markdownCell(check.name)}: ${markdownCell(fieldName(f))} — ${f.mismatched} of ${formatCountOf(f.compared, 'row')}</summary>`, '');
    if (f.impact) out.push(`- **Impact:** ${markdownCell(formatFieldImpact(f.impact))}`);
    for (const hint of f.analysis?.hints ?? []) out.push(`- **Hint:** ${markdownCell(hint.message)} _(${markdownCell(hint.evidence)})_`);
    for (const split of f.analysis?.segments?.splits ?? []) out.push(`- **Mismatch rate by ${markdownCell(splitName(split))}:** ${markdownCell(formatAllSegments(split))}`);
    const leading = leadingColumns(f);
    const withInputs = f.examples.some((m) => m.inputs || m.changes);
    out.push('', `| key | ${a} | ${b} | diff |${withInputs ? ' inputs |' : ''}`, `|---|---:|---:|---|${withInputs ? '---|' : ''}`);
    for (const m of f.examples.slice(0, examples)) {
      const inputs = withInputs ? ` ${markdownCell(truncate([formatChanges(m), ...orderedInputs(m, leading).map(([k, v]) => `${k}=${formatValue(v, 40)}`)].filter(Boolean).join(' '), 400))} |` : '';
      out.push(`| ${markdownCodeCell(m.key)} | ${markdownCodeCell(formatValue(m.offline))} | ${markdownCodeCell(formatValue(m.online))} | ${markdownCell(m.absDiff !== undefined ? formatNumber(m.absDiff) : (m.detail ?? m.kind))} |${inputs}`);
    }
    // The field's own failing rows (counterexamples carry their own command, shown below).
    const reproduce = f.reproduce ?? check.reproduce;
    if (reproduce && !check.counterexamples?.length) out.push('', 'Reproduce with:', '', '```sh', reproduce, '```');
    out.push('', '</details>', '');
  }
  for (const x of check.counterexamples ?? []) {
    out.push(`<details><summary>counterexample: ${markdownCell(x.field)} — ${markdownCell(x.description)}</summary>`, '');
    out.push(`Base row ${markdownCode(x.baseKey)}; offline ${markdownCode(formatValue(x.mismatch.offline))}, online ${markdownCode(formatValue(x.mismatch.online))}.`, '');
    out.push('Reproduce with:', '', '```sh', x.reproduce, '```', '', '</details>', '');
  }
  const fixed = check.fixed ?? [];
  if (fixed.length > 0) {
    out.push(`<details><summary>${markdownCell(check.name)}: ${fixed.length} remembered failure${fixed.length === 1 ? '' : 's'} fixed since a previous run</summary>`, '');
    out.push('Evaluated again in this run and agreeing; dropped from the failure memory.', '');
    for (const f of fixed.slice(0, MAX_FIXED)) out.push(`- ${markdownCode(f.field)} ${markdownCode(f.key)}`);
    if (fixed.length > MAX_FIXED) out.push(`- and ${fixed.length - MAX_FIXED} more`);
    out.push('', '</details>', '');
  }
  return out;
}

function footer(r: SkewReport): string[] {
  const out = r.trend ? trendLines(r.trend) : [];
  out.push('Reproduce with:', '', '```sh', r.reproduce, '```', '');
  return out;
}

function trendLines(t: Trend): string[] {
  const list = (entries: Trend['new'], label: string) =>
    entries.length === 0 ? [] : [`- **${label}:** ${entries.map((e) => `${markdownCell(e.check)}/${markdownCode(e.field)}${e.before && e.after ? ` ${formatRate(e.before.rate)} → ${formatRate(e.after.rate)}` : e.after ? ` ${formatRate(e.after.rate)}` : ''}`).join(', ')}`];
  const lines = [...list(t.new, 'New'), ...list(t.worse, 'Worse'), ...list(t.better, 'Better'), ...list(t.resolved, 'Resolved')];
  return [`### Trend against ${markdownCode(t.baseline.file)} (${t.baseline.startedAt})`, '', ...(lines.length ? lines : ['No change in skew.']), ''];
}

function fieldName(f: FieldStats): string {
  return markdownCode(f.side ? `${f.side} ${f.field}` : f.field);
}
