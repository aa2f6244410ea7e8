import type { CheckResult } from '../core/check-result';
import type { FieldStats } from '../core/field-stats';
import { formatRate } from '../core/summarize-verdict';
import { formatCountOf } from '../core/plural';
import type { FeatureAdapter } from '../adapters/feature-adapter';
import type { Row, Side, SourceRow } from '../core/row';
import type { CheckContext } from './check-context';
import { compareResults, computeSide } from './compare-results';
import type { FieldNoise, NoiseModel } from './noise-model';
import { summarizeRows } from './summarize-rows';
import { isRowRejection } from '../core/row-rejection';
import type { RowComparison } from './row-comparison';

/** Options of the determinism check. */
export interface DeterminismOptions {
  /** Rows asked twice per side. */
  rows: number;
  /** Fields allowed to be noisy: reported, not failed on. */
  allowNoise: readonly string[];
}

/** The determinism check's result and the noise it measured. */
export interface DeterminismOutput {
  /** Check result: one field entry per (side, noisy field). */
  result: CheckResult;
  /** Per-field noise, for parity's noise cancellation. */
  noise: NoiseModel;
}

/**
 * determinism (A/A): each side asked twice for the same rows. A field whose two answers differ (beyond its
 * tolerance) is nondeterministic: its noise (share of rows, largest difference) is measured and handed to parity,
 * which then counts a difference as skew only where it clearly exceeds the noise. The check fails on noisy fields
 * unless they are listed in `allowNoise`.
 */
export async function runDeterminismCheck(ctx: CheckContext, options: DeterminismOptions): Promise<DeterminismOutput> {
  const rows = ctx.rows.slice(0, options.rows);
  // The two passes run at once: two batches for a pipeline (a process each), twice the rows in flight for serving
  // (within its concurrency limit). Neither pass sees the other's answers, so the comparison means the same.
  const twice = async (adapter: FeatureAdapter, fields: (row: SourceRow) => Row) => {
    const [first, second] = await Promise.all([computeSide(adapter, rows, fields, ctx), computeSide(adapter, rows, fields, { signal: ctx.signal })]);
    return compareResults(rows, first, second, ctx.policy);
  };
  const [offline, online] = await Promise.all([
    ctx.offlineComputes ? twice(ctx.offline, ctx.offlineFields) : Promise.resolve(null),
    twice(ctx.online, ctx.onlineFields),
  ]);

  const budget = () => 0;
  const perSide = [
    { side: 'offline' as const, comparisons: offline },
    { side: 'online' as const, comparisons: online },
  ].flatMap(({ side, comparisons }) => {
    if (!comparisons) return [];
    const summary = summarizeRows(comparisons, budget, ctx.examples);
    return [{ side, comparisons, summary }];
  });

  const noisy: FieldStats[] = perSide.flatMap(({ side, summary }) => summary.fields.filter((f) => f.mismatched > 0).map((f) => ({ ...f, side })));
  const noise = new Map<string, FieldNoise>();
  for (const f of noisy) {
    const numeric = f.examples.every((m) => m.kind === 'value' && m.absDiff !== undefined) && f.kinds.value === f.mismatched;
    const previous = noise.get(f.field);
    const maxAbsDiff = numeric && f.maxAbsDiff !== null ? f.maxAbsDiff : null;
    noise.set(f.field, {
      rate: Math.max(previous?.rate ?? 0, f.rate),
      rows: f.compared,
      maxAbsDiff: previous && previous.maxAbsDiff === null ? null : maxAbsDiff === null ? null : Math.max(previous?.maxAbsDiff ?? 0, maxAbsDiff),
    });
  }

  const allowed = new Set(options.allowNoise);
  const fields = noisy.map((f): FieldStats => ({ ...f, status: allowed.has(f.field) ? 'passed' : 'failed' }));
  const failing = fields.filter((f) => f.status === 'failed');
  // Each (side, row) pair lands in exactly one count, so compared + errors + not run = total (rows × sides).
  const counts = perSide.map(({ side, comparisons }) => ({ side, ...countAsks(comparisons) }));
  const rowsInfo = { total: 0, compared: 0, offlineErrors: 0, onlineErrors: 0, notRun: 0 };
  for (const { side, compared, failed, notRun } of counts) {
    rowsInfo.total += compared + failed + notRun;
    rowsInfo.compared += compared;
    rowsInfo.notRun += notRun;
    rowsInfo[side === 'offline' ? 'offlineErrors' : 'onlineErrors'] += failed;
  }
  // A row both sides reject, each time they are asked, is invalid data the sides agree on (one error a side).
  const agreed = offline && online ? rows.filter((_, i) => rejectedTwice(offline[i]!, 'offline') && rejectedTwice(online[i]!, 'online')).length : 0;
  const rowsAccounting = agreed > 0 ? { ...rowsInfo, agreedRejections: { offline: agreed, online: agreed } } : rowsInfo;
  const describe = (f: FieldStats) =>
    `${f.side} ${f.field} (${formatRate(f.rate)} of repeated rows differ${f.maxAbsDiff !== null ? `, by up to ${f.maxAbsDiff.toPrecision(3)}` : ''})`;
  const describeNoisy = (list: readonly FieldStats[]) => `${list.length === 1 ? 'a field is' : `${list.length} fields are`} nondeterministic: ${list.map(describe).join(', ')}`;
  const sides = perSide.map((p) => p.side).join(' and ');
  // A side that answered no row twice proves nothing about its noise, whatever the other side did: say why per side
  // (failed, not run), then what the side that did answer showed.
  const silent = counts.filter((c) => c.compared === 0);
  const answered = counts.filter((c) => c.compared > 0);
  const noisyAnswered = noisy.filter((f) => answered.some((a) => a.side === f.side));
  const answeredNote =
    answered.length === 0
      ? ''
      : noisyAnswered.length > 0
        ? `; ${describeNoisy(noisyAnswered)}`
        : `; ${answered.map((a) => a.side).join(' and ')} gave identical features for ${formatCountOf(answered[0]!.compared, 'row')} asked twice`;
  const result: CheckResult = {
    name: 'determinism',
    status: silent.length > 0 ? 'inconclusive' : failing.length > 0 ? 'failed' : 'passed',
    summary:
      silent.length > 0
        ? `no row could be asked twice on the ${silent.map(describeSilentSide).join(' nor on the ')}${answeredNote}`
        : noisy.length === 0
          ? `${sides} gave identical features for ${formatCountOf(rows.length, 'row')} asked twice`
          : `${describeNoisy(noisy)}${failing.length === 0 ? ' (allowed)' : ''}; parity counts their differences as skew only beyond this noise`,
    rows: rowsAccounting,
    fields,
    // A row that failed both asks the same way is listed once.
    errors: perSide
      .flatMap(({ side, summary }) => summary.errors.map((e) => ({ ...e, side })))
      .filter((e, i, all) => all.findIndex((o) => o.side === e.side && o.key === e.key && o.message === e.message) === i)
      .slice(0, ctx.examples * 2),
    compares: 'same-side',
    labels: { offline: 'first answer', online: 'second answer' },
  };
  return { result, noise };
}

/** How one side's rows came out of the two asks: both answered (compared), either failed, or not run (no failure). */
interface SideAsks {
  side: Side;
  compared: number;
  failed: number;
  notRun: number;
}

/** Counts a side's rows once each: a row whose two asks both failed is one failed row, not two errors. */
function countAsks(comparisons: readonly RowComparison[]): Omit<SideAsks, 'side'> {
  let compared = 0;
  let failed = 0;
  let notRun = 0;
  for (const c of comparisons) {
    if (c.offline.kind === 'ok' && c.online.kind === 'ok') compared++;
    else if (c.offline.kind === 'error' || c.online.kind === 'error') failed++;
    else notRun++;
  }
  return { compared, failed, notRun };
}

/** `online side (6 rows failed, 44 not run)`: why a side answered no row twice. */
function describeSilentSide({ side, failed, notRun }: SideAsks): string {
  const parts = [...(failed > 0 ? [`${formatCountOf(failed, 'row')} failed`] : []), ...(notRun > 0 ? [`${notRun} not run`] : [])];
  return `${side} side${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** Whether a side rejected a row both times it was asked. */
function rejectedTwice(c: RowComparison, side: Side): boolean {
  return isRowRejection(c.offline, side) && isRowRejection(c.online, side);
}
