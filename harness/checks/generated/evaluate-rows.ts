import type { ComparePolicy } from '../../core/compare-policy';
import { diffFeatures } from '../../core/diff';
import type { Mismatch } from '../../core/mismatch';
import type { SideResult, SourceRow } from '../../core/row';
import type { CheckContext } from '../check-context';
import { computeSide } from '../compare-results';
import { explainByNoise } from '../noise-model';
import { isRowRejection } from '../../core/row-rejection';

export { isRowRejection };

/** A generated row's outcome on both sides. */
export interface RowEvaluation {
  /** The row as evaluated. */
  row: SourceRow;
  /** Offline result. */
  offline: SideResult;
  /** Online result. */
  online: SideResult;
  /** Field → the (first) mismatch in it; `(row)` when exactly one side rejected the row. */
  failing: Map<string, Mismatch>;
  /** Fields compared (both sides produced features). */
  compared: string[];
  /** A side failed for a reason that says nothing about the row (timeout, 5xx, network): neither pass nor fail. */
  infraError: boolean;
  /**
   * Set when exactly one side rejected a row holding a value training never had: the disagreement is reported as a
   * warning, not as a `(row)` failure (see `unseenValueFinder`).
   */
  unseen?: { column: string; description: string };
}

/** The pseudo-field of a row one side rejected while the other computed features. */
export const ROW_FIELD = '(row)';

/**
 * Evaluates rows on both sides (one call per side for the whole list; `reuseProcess` lets a long-lived offline
 * process serve them, for shrinking candidates) and classifies each: fields that differ,
 * a rejection by one side only (a 4xx or a pipeline's per-row error while the other side computed features —
 * skew in the contract), or an infrastructure error (counted, never a failure).
 */
export async function evaluateRows(ctx: CheckContext, rows: readonly SourceRow[], policy: ComparePolicy, options: { reuseProcess?: boolean } = {}): Promise<RowEvaluation[]> {
  if (rows.length === 0) return [];
  const reuse = options.reuseProcess ? { reuseProcess: true } : {};
  const [offline, online] = await Promise.all([
    computeSide(ctx.offline, rows, ctx.offlineFields, { signal: ctx.signal, ...reuse }),
    computeSide(ctx.online, rows, ctx.onlineFields, { signal: ctx.signal, ...reuse }),
  ]);
  return rows.map((row, i) => classify(row, offline[i]!, online[i]!, policy, ctx));
}

function classify(row: SourceRow, offline: SideResult, online: SideResult, policy: ComparePolicy, ctx: CheckContext): RowEvaluation {
  const failing = new Map<string, Mismatch>();
  const base = { row, offline, online, failing, compared: [] as string[] };
  if (offline.kind === 'ok' && online.kind === 'ok') {
    const { outcomes } = explainByNoise(diffFeatures(row.key, offline.features, online.features, policy), ctx.noise);
    for (const o of outcomes) if (o.mismatches[0]) failing.set(o.field, o.mismatches[0]);
    return { ...base, compared: outcomes.map((o) => o.field), infraError: false };
  }
  if (offline.kind === 'skipped' || online.kind === 'skipped') return { ...base, infraError: true };
  const offlineRejects = isRowRejection(offline, 'offline');
  const onlineRejects = isRowRejection(online, 'online');
  if ((offline.kind === 'error' && !offlineRejects) || (online.kind === 'error' && !onlineRejects)) return { ...base, infraError: true };
  if (offlineRejects !== onlineRejects) {
    const detail = offlineRejects
      ? `offline rejected the row (${(offline as { message: string }).message}); serving computed features`
      : `serving rejected the row (${(online as { message: string }).message}); offline computed features`;
    failing.set(ROW_FIELD, {
      key: row.key,
      field: ROW_FIELD,
      path: ROW_FIELD,
      kind: 'error',
      offline: offline.kind === 'ok' ? offline.features : undefined,
      online: online.kind === 'ok' ? online.features : undefined,
      detail,
    });
  }
  return { ...base, infraError: false };
}
