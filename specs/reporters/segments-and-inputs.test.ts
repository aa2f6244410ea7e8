import { analysisInput, withFieldAnalysis } from '../../harness/analysis/analyze-fields';
import { createRedactor } from '../../harness/config/redactor';
import type { CheckResult } from '../../harness/core/check-result';
import { createComparePolicy } from '../../harness/core/compare-policy';
import { diffFeatures } from '../../harness/core/diff';
import { withShownInputs } from '../../harness/core/example-inputs';
import { FieldStatsAccumulator } from '../../harness/core/field-stats';
import type { SkewReport } from '../../harness/core/report';
import type { ColumnInfo, SourceRow } from '../../harness/core/row';
import { profileRows } from '../../harness/profile/profile-rows';
import { createColors } from '../../harness/reporters/colors';
import { formatGithubAnnotations } from '../../harness/reporters/format-github';
import { formatJunitReport } from '../../harness/reporters/format-junit';
import { formatMarkdownReport } from '../../harness/reporters/format-markdown';
import { formatTerminalReport } from '../../harness/reporters/format-terminal-report';
import { renderHtmlReport } from '../../harness/reporters/html';
import { serializeReport } from '../../harness/reporters/json-reporter';
import { createFixtureReport } from '../../scripts/html-check/fixture-report';

const SECRET = 's3cr3t-token-42';
const ZONES = ['UTC', 'Europe/Berlin', 'Asia/Tokyo'];
const columns: ColumnInfo[] = [
  { name: 'customer_id', type: 'string', typeSource: 'inferred', role: 'key' },
  { name: 'plan', type: 'string', typeSource: 'inferred', role: 'input' },
  { name: 'email', type: 'string', typeSource: 'inferred', role: 'input' },
  { name: 'customer_tz', type: 'string', typeSource: 'inferred', role: 'input' },
  { name: 'note', type: 'string', typeSource: 'inferred', role: 'input' },
  { name: 'churned', type: 'integer', typeSource: 'config', role: 'label' },
];

/**
 * A parity result built the way the runner builds it — real diff, statistics, field analysis and input redaction —
 * from 150 rows where login_hour differs only in Berlin.
 */
function parityCheck(): CheckResult {
  const policy = createComparePolicy();
  const rows: SourceRow[] = Array.from({ length: 150 }, (_, i) => ({
    key: `C${String(i).padStart(4, '0')}`,
    line: i + 2,
    values: { customer_id: `C${String(i).padStart(4, '0')}`, plan: ['basic', 'pro'][i % 2], email: `person${i}@example.com`, customer_tz: ZONES[i % 3], note: `token ${SECRET}`, churned: `churn-label-${i}` },
  }));
  const stats = new FieldStatsAccumulator(() => 0);
  const comparisons = rows.map((row) => {
    const hour = row.line % 24;
    const offline = { login_hour: hour, plan_code: 1 };
    const online = { login_hour: row.values.customer_tz === 'Europe/Berlin' ? (hour + 1) % 24 : hour, plan_code: 1 };
    const outcomes = diffFeatures(row.key, offline, online, policy);
    stats.add(outcomes, () => ({ inputs: row.values }));
    return { row, offline: { kind: 'ok' as const, features: offline }, online: { kind: 'ok' as const, features: online }, outcomes };
  });
  const fields = stats.result();
  const result: CheckResult = {
    name: 'parity',
    status: 'failed',
    summary: '1 of 2 fields differ between offline and serving on 150 compared rows',
    rows: { total: 150, compared: 150, offlineErrors: 0, onlineErrors: 0, notRun: 0 },
    fields,
    errors: [],
  };
  const analysed = withFieldAnalysis(result, analysisInput(comparisons, columns, profileRows(rows, columns), policy));
  return withShownInputs(analysed, { columns, label: 'churned', keys: ['customer_id'], redact: ['email'], redactText: createRedactor([SECRET]) });
}

function report(): SkewReport {
  const fixture = createFixtureReport();
  const checks = fixture.checks.map((c) => (c.name === 'parity' ? parityCheck() : c));
  // A generated row's example says what changed from its base row.
  const generated = checks.find((c) => c.name === 'generated-parity')!;
  generated.fields[0]!.examples[0] = { ...generated.fields[0]!.examples[0]!, inputs: { plan: 'zzz-unseen', monthly_spend: 12 }, baseKey: 'C000007', changes: [{ column: 'plan', from: 'basic', to: 'zzz-unseen', reason: 'unseen category' }] };
  return { ...fixture, checks };
}

describe('segments and example inputs in every report format', () => {
  const r = report();
  const formats: Record<string, string> = {
    terminal: formatTerminalReport(r, { colors: createColors(false) }),
    markdown: formatMarkdownReport(r),
    html: renderHtmlReport(r),
    junit: formatJunitReport(r),
    github: formatGithubAnnotations(r).join('\n'),
    json: serializeReport(r),
  };

  it('stores segments and the shown inputs on the field (JSON)', () => {
    const field = (JSON.parse(formats.json!) as SkewReport).checks.find((c) => c.name === 'parity')!.fields.find((f) => f.field === 'login_hour')!;
    const [split] = field.analysis!.segments!.splits;
    expect(split).toMatchObject({ column: 'customer_tz', basis: 'category' });
    expect(split!.segments.find((s) => s.label === 'Europe/Berlin')).toEqual({ label: 'Europe/Berlin', rows: 50, mismatched: 50, rate: 1 });
    const inputs = field.examples[0]!.inputs!;
    expect(Object.keys(inputs)).toEqual(['plan', 'email', 'customer_tz', 'note']);
    expect(inputs).toMatchObject({ email: '[redacted]', note: 'token ***', customer_tz: 'Europe/Berlin' });
  });

  it.each(['terminal', 'markdown', 'html', 'junit', 'github'])('%s names the separating segment', (format) => {
    // GitHub escapes % in annotations; the HTML shows a table.
    expect(formats[format]).toMatch(/Europe\/Berlin 100%(25)? \(50 of 50\)|Europe\/Berlin<\/td><td class="num">50<\/td><td class="num">50<\/td><td class="num">100%/);
  });

  it.each(['terminal', 'markdown', 'html', 'junit', 'json'])('%s shows the example rows\' inputs, never the label, redacted columns or secrets', (format) => {
    const text = formats[format]!;
    // as `name="value"` (terminal, Markdown, JUnit escaped), a name and a value (HTML), or a JSON property
    expect(text).toMatch(/customer_tz(=|<\/span> |": )("|&quot;)Europe\/Berlin("|&quot;)/);
    expect(text).toContain('[redacted]');
    expect(text).not.toMatch(/person\d+@example\.com/);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('churn-label-'); // label values
  });

  it('shows the columns the segments name first in the terminal', () => {
    const line = formats.terminal!.split('\n').find((l) => /^ {4}C\d{4} /.test(l))!;
    expect(line).toMatch(/customer_tz="Europe\/Berlin" plan="(basic|pro)" email="\[redacted\]"/);
    expect(formats.terminal).toMatch(/^ {4}Where: customer_tz: Europe\/Berlin 100% \(50 of 50\); elsewhere 0% \(0 of 100\)$/m);
  });

  it('shows what a generated row changed from its base row (Markdown, HTML, JSON)', () => {
    expect(formats.markdown).toContain('base row C000007; plan: \\"basic\\" → \\"zzz-unseen\\" (unseen category)'.replace(/\\"/g, '"'));
    expect(formats.html).toMatch(/base row <span class="key">C000007<\/span>; <b>plan<\/b> &quot;basic&quot; → &quot;zzz-unseen&quot;/);
    expect(formats.json).toContain('"baseKey": "C000007"');
  });
});
