import type { ProbeReaction, SideReaction } from '../../core/contract-probe';
import type { Side, SideResult } from '../../core/row';
import { isRowRejection } from '../generated/evaluate-rows';

/**
 * What one side did with a probe row. It rejects the row when the offline pipeline gives a per-row error for it, or
 * serving answers 4xx (not 408 or 429) or 500 — a server that crashes on malformed input answers 500, and for a row
 * built to be malformed that is its way of refusing it (for a valid row generated-parity counts a 500 as
 * infrastructure instead). Timeouts, 503s, network failures and rows never attempted are errors, not reactions.
 */
export function sideReaction(result: SideResult, side: Side): SideReaction {
  switch (result.kind) {
    case 'ok':
      return { kind: 'computes' };
    case 'skipped':
      return { kind: 'error', message: result.reason };
    case 'error': {
      const rejects = isRowRejection(result, side) || (side === 'online' && result.status === 500);
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
