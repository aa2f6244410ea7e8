import type { SkewReport } from '../core/report';
import { formatRate } from '../core/summarize-verdict';
import { describeRowsDiffer } from '../core/check-accounting';
import { fieldReproduce } from './field-reproduce';
import { formatSegmentsLine } from './format-segments';

/** Escapes a workflow command's message (`%`, CR, LF). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (also `:` and `,`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations for the report: an `::error` per failing field (with its rate, first hint and the
 * reproduce line), a `::warning` for inconclusive checks, for each warning of a check and for the inconclusive
 * verdict, annotated on the config file when known. Pure: returns the lines to print.
 */
export function formatGithubAnnotations(report: SkewReport): string[] {
  const file = report.run.configFile ? `file=${escapeProperty(report.run.configFile)},` : '';
  const lines: string[] = [];
  for (const check of report.checks) {
    if (check.status === 'error') lines.push(`::error ${file}title=${escapeProperty(`skew ${check.name}: error`)}::${escapeData(check.summary)}`);
    if (check.status === 'inconclusive') lines.push(`::warning ${file}title=${escapeProperty(`skew ${check.name}: inconclusive`)}::${escapeData(check.summary)}`);
    for (const w of check.warnings ?? []) {
      lines.push(`::warning ${file}title=${escapeProperty(`skew ${check.name}: warning`)}::${escapeData([w.message, ...(w.detail ? [w.detail] : []), ...(w.reproduce ?? check.reproduce ? [`Reproduce with: ${w.reproduce ?? check.reproduce}`] : [])].join('\n'))}`);
    }
    if (check.status !== 'failed') continue;
    const failed = check.fields.filter((f) => f.status === 'failed');
    if (failed.length === 0) lines.push(`::error ${file}title=${escapeProperty(`skew ${check.name}`)}::${escapeData(check.summary)}`);
    for (const f of failed) {
      const hint = f.analysis?.hints[0];
      const message = [
        `${describeRowsDiffer(f.mismatched, f.compared)} (${formatRate(f.rate)})${f.side ? ` on the ${f.side} side` : ''}.`,
        ...(hint ? [`Hint: ${hint.message}`] : []),
        ...(f.analysis?.segments?.splits[0] ? [`Where: ${formatSegmentsLine(f.analysis.segments, 1)}`] : []),
        `Reproduce with: ${fieldReproduce(check, f) ?? report.reproduce}`,
      ].join('\n');
      lines.push(`::error ${file}title=${escapeProperty(`skew ${check.name}: ${f.field}`)}::${escapeData(message)}`);
    }
  }
  if (report.verdict.status === 'inconclusive') lines.push(`::warning ${file}title=skew-harness inconclusive::${escapeData(report.verdict.summary)}`);
  return lines;
}
