import type { ProbeReaction, SideReaction } from '../../core/contract-probe';
import type { Side, SideResult } from '../../core/row';
import { isRowRejection } from '../generated/evaluate-rows';

/**
 * What one side did with a probe row. It rejects the row when the offline pipeline gives a per-row error for it, or
 * serving answers a 4xx about the row (not 401, 403, 404, 405, 407, 408 or 429) or 500 — a server that crashes on
 * malformed input answers 500, and for a row built to be malformed that is its way of refusing it (for a valid row
 * generated-parity counts a 500 as infrastructure instead) — or answers 2xx without features (an error in the body),
 * or the row cannot even be made into a request (the request mapper throws on it). Timeouts, 503s, network failures
 * and rows never attempted are errors, not reactions.
 */
export function sideReaction(result: SideResult, side: Side): SideReaction {
  switch (result.kind) {
    case 'ok':
      return { kind: 'computes' };
    case 'skipped':
      // A probe the configured request mapper cannot make into a request is refused by serving's own contract.
      return result.unsendable ? { kind: 'rejects', message: result.reason } : { kind: 'error', message: result.reason };
    case 'error': {
      const { status } = result;
      const refusedOnline = status !== undefined && (status === 500 || (status >= 200 && status < 300));
      const rejects = isRowRejection(result, side) || (side === 'online' && refusedOnline);
      if (!rejects) return { kind: 'error', message: result.message };
      return result.status === undefined ? { kind: 'rejects', message: result.message } : { kind: 'rejects', message: result.message, status: result.status };
    }
  }
}

/** How the two sides together reacted; `differing` holds the fields that differ when both computed. */
export function probeReaction(offline: SideReaction, online: SideReaction, differing: readonly string[]): ProbeReaction {
  if (offline.kind === 'error' || online.kind === 'error') return 'error';
  if (offline.kind === 'rejects') return online.kind === 'rejects' ? 'both-reject' : 'serving-computes';
  if (online.kind === 'rejects') return 'offline-computes';
  return differing.length > 0 ? 'both-compute-differ' : 'both-compute-alike';
}
