import { mergeRowSummaries, RowSummaryAccumulator } from '../../harness/checks/summarize-rows';
import type { RowComparison } from '../../harness/checks/row-comparison';
import type { CheckResult, CheckRows } from '../../harness/core/check-result';
import type { SideResult } from '../../harness/core/row';
import { assembleReport, type ReportFacts } from '../../harness/runner/build-report';

const ok: SideResult = { kind: 'ok', features: { x: 1 } };
const pipelineRejects: SideResult = { kind: 'error', message: 'offline row r: amount must not be negative' };
const batchFailed: SideResult = { kind: 'error', message: 'the pipeline exited with code 1', scope: 'batch' };
const http = (status: number): SideResult => ({ kind: 'error', message: `HTTP ${status}`, status });

const comparison = (key: string, offline: SideResult, online: SideResult): RowComparison => ({
  row: { key, line: 2, values: { amount: -1 } },
  offline,
  online,
  outcomes: offline.kind === 'ok' && online.kind === 'ok' ? [{ field: 'x', mismatches: [] }] : [],
});

describe('rows both sides reject alike', () => {
  it('are counted as errors on both sides and as agreed rejections, and only they are', () => {
    const summary = new RowSummaryAccumulator(() => 0, 5);
    summary.add(comparison('a', ok, ok));
    summary.add(comparison('b', pipelineRejects, http(422))); // both reject: agreed
    summary.add(comparison('c', pipelineRejects, http(500))); // a crash online says nothing about the row
    summary.add(comparison('d', pipelineRejects, http(429))); // throttled: infrastructure
    summary.add(comparison('e', batchFailed, http(400))); // a batch's failure never narrowed to the row
    summary.add(comparison('f', ok, http(400))); // one side only
    // Every row would get these alike, whatever its values: credentials, a wrong URL or method.
    for (const status of [401, 403, 404, 405, 407]) summary.add(comparison(`g${status}`, pipelineRejects, http(status)));
    const { rows } = summary.result();
    expect(rows).toMatchObject({ total: 11, compared: 1, offlineErrors: 9, onlineErrors: 10, agreedRejections: { offline: 1, online: 1 } });

    const none = new RowSummaryAccumulator(() => 0, 5);
    none.add(comparison('c', pipelineRejects, http(500)));
    expect(none.result().rows.agreedRejections).toBeUndefined();
    // Shards' partials add up.
    expect(mergeRowSummaries([summary.partial(), none.partial(), summary.partial()]).rows.agreedRejections).toEqual({ offline: 2, online: 2 });
  });

  it('do not count against the error budget, so a pair that agrees on its invalid rows is not inconclusive', () => {
    // 100 rows, 3 rejected by both sides: 3% errors per side against a 1% budget, unless agreed rejections are set aside.
    const rows = (agreed: boolean, extraOnline = 0): CheckRows => ({
      total: 100,
      compared: 97 - extraOnline,
      offlineErrors: 3,
      onlineErrors: 3 + extraOnline,
      notRun: 0,
      ...(agreed ? { agreedRejections: { offline: 3, online: 3 } } : {}),
    });
    const parity = (r: CheckRows): CheckResult => ({ name: 'parity', status: 'passed', summary: 'all fields agree', rows: r, fields: [], errors: [] });
    const verdictOf = (r: CheckRows) => assembleReport(facts, [parity(r)], [], null, Date.now()).verdict;

    expect(verdictOf(rows(true))).toMatchObject({ status: 'clean', exitCode: 0 });
    expect(verdictOf(rows(false))).toMatchObject({ status: 'inconclusive', reasons: [{ kind: 'error_budget', side: 'offline', errors: 3 }, { kind: 'error_budget', side: 'online', errors: 3 }] });
    // Errors beyond the agreed ones still count: 2 more failed online rows of 100 exceed the 1% budget.
    expect(verdictOf(rows(true, 2))).toMatchObject({ status: 'inconclusive', reasons: [{ kind: 'error_budget', side: 'online', errors: 2 }] });
  });
});

const facts: ReportFacts = {
  configFile: 'skew.config.ts',
  configHash: 'h',
  target: null,
  seed: 7,
  sampleSize: 100,
  sampleMethod: 'reservoir',
  source: { path: 'data.csv', format: 'csv', columns: [], badRows: [], badRowCount: 0 } as unknown as ReportFacts['source'],
  sides: { offline: { description: 'offline' }, online: { description: 'online' } } as unknown as ReportFacts['sides'],
  rowsRead: 100,
  rowsSampled: 100,
  replayed: 0,
  profile: { rows: 100, columns: [] },
  reproduce: 'npx skew run',
  budget: { errorRate: 0.01, minCompared: 10 },
  servingUnavailable: null,
  sampleMs: 1,
};
