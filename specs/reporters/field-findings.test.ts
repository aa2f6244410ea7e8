import type { CheckResult } from '../../harness/core/check-result';
import type { ExampleMismatch, FieldStats } from '../../harness/core/field-stats';
import type { SkewReport } from '../../harness/core/report';
import { createColors } from '../../harness/reporters/colors';
import { formatJunitReport } from '../../harness/reporters/format-junit';
import { formatMarkdownReport } from '../../harness/reporters/format-markdown';
import { formatTerminalReport } from '../../harness/reporters/format-terminal-report';
import { createFixtureReport } from '../../scripts/html-check/fixture-report';

const CHECK_REPRODUCE = 'npx skew run --config skew.config.js --keys T000003,T000566,T000019 --checks parity';

const example = (key: string, inputs: Record<string, unknown>): ExampleMismatch => ({ key, field: 'tenure_years', path: 'tenure_years', kind: 'value', offline: 4, online: 0, absDiff: 4, inputs });

/** A failing parity field with its own reproduce command, no hint and no segment. */
function tenureYears(): FieldStats {
  const inputs = { opened_at: '2019-06-17T08:30:00.000Z', email: 'someone.with.a.long.address@example.com', note: 'x'.repeat(30), country: 'JP', merchant_category: 'grocery' };
  return {
    field: 'tenure_years',
    compared: 120,
    mismatched: 2,
    rate: 2 / 120,
    interval: [0.005, 0.06],
    budget: 0,
    status: 'failed',
    kinds: { value: 2, type: 0, missing_online: 0, missing_offline: 0, error: 0 },
    maxAbsDiff: 4,
    maxRelDiff: 1,
    examples: [example('T000077', inputs), example('T000081', inputs)],
    reproduce: 'npx skew run --config skew.config.js --keys T000077,T000081 --checks parity',
  };
}

function report(): SkewReport {
  const r = createFixtureReport();
  const parity = r.checks.find((c) => c.name === 'parity')!;
  const hinted = parity.fields.find((f) => f.status === 'failed' && f.analysis?.hints[0])!;
  hinted.analysis!.hints[0] = { ...hinted.analysis!.hints[0]!, message: 'mismatches only where income is exactly 0 (0): `<=` vs `<` at bin edges' };
  const check: CheckResult = {
    ...parity,
    fields: [tenureYears(), ...parity.fields],
    reproduce: CHECK_REPRODUCE,
    fixed: Array.from({ length: 10 }, (_, i) => ({ check: 'parity', field: 'hour_local', key: `T00010${i}` })),
  };
  return { ...r, checks: r.checks.map((c) => (c.name === 'parity' ? check : c)) };
}

describe('field findings in the reports', () => {
  const r = report();
  const markdown = formatMarkdownReport(r);

  it("prints each field's own reproduce line in Markdown and JUnit, not the check's rows under every field", () => {
    const section = markdown.slice(markdown.indexOf('parity: `tenure_years`'), markdown.indexOf('</details>', markdown.indexOf('parity: `tenure_years`')));
    expect(section).toContain('--keys T000077,T000081 --checks parity');
    expect(section).not.toContain(CHECK_REPRODUCE);
    const junit = formatJunitReport(r);
    const testcase = junit.slice(junit.indexOf('name="tenure_years"'), junit.indexOf('</testcase>', junit.indexOf('name="tenure_years"')));
    expect(testcase).toContain('Reproduce with: npx skew run --config skew.config.js --keys T000077,T000081 --checks parity');
    expect(testcase).not.toContain(CHECK_REPRODUCE);
  });

  it('keeps code spans of hints literal in Markdown (`<=` is not shown as &lt;=)', () => {
    expect(markdown).toContain('`<=` vs `<` at bin edges');
    expect(markdown).not.toContain('`&lt;=`');
  });

  it('lists fixed cases in Markdown and counts those the terminal leaves out', () => {
    expect(markdown).toContain('parity: 10 remembered failures fixed since a previous run');
    expect(markdown).toContain('- `hour_local` `T000109`');
    const terminal = formatTerminalReport(r, { colors: createColors(false), examples: 3 });
    const fixed = terminal.slice(terminal.indexOf('fixed since a previous run'));
    expect(fixed.split('\n').filter((line) => /^ {4}hour_local T\d+$/.test(line))).toHaveLength(6);
    expect(fixed).toContain('    and 4 more');
  });

  it('shows short inputs first when no hint or segment names a column, and more of them on a wide terminal', () => {
    const line = (width?: number) =>
      formatTerminalReport(r, { colors: createColors(false), examples: 3, ...(width ? { width } : {}) })
        .split('\n')
        .find((l) => l.includes('T000077'))!;
    expect(line()).toContain('country="JP" merchant_category="grocery"');
    expect(line()).not.toContain('email=');
    expect(line(220)).toContain('email="someone.with.a.long.address');
  });
});
