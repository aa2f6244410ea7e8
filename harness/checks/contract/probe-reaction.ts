import type { ProbeReaction, SideReaction } from '../../core/contract-probe';
import type { Side, SideResult } from '../../core/row';
import { isRowRejection } from '../generated/evaluate-rows';

/**
 * What one side did with a probe row. It rejects the row when the offline pipeline gives a per-row error for it, or
 * serving answers a 4xx about the row (not 401, 403, 404, 405, 407, 408 or 429) or 500 — a server that crashes on
 * malformed input answers 500 (or, without a framework, drops the connection), and for a row built to be malformed
 * that is its way of refusing it (for a valid row generated-parity counts either as infrastructure instead) — or
 * answers 2xx without features (an error in the body),
 * or the row cannot even be made into a request (the request mapper throws on it). Timeouts, 503s, network failures
 * and rows never attempted are errors, not reactions.
 */
/** The serving adapter's words for a row its configured request mapper threw on: never sent, refused by the mapping. */
const NOT_SENT = /^Could not build the request body for /;

export function sideReaction(result: SideResult, side: Side): SideReaction {
  switch (result.kind) {
    case 'ok':
      return { kind: 'computes' };
    case 'skipped':
      // A probe the configured request mapper cannot make into a request is refused by serving's own contract.
      return result.unsendable ? { kind: 'rejects', message: result.reason } : { kind: 'error', message: result.reason };
    case 'error': {
      const { status } = result;
      // A handler that crashes on the probe answers 500 under a framework, and drops the connection under a bare
      // server (Python's http.server): the same refusal.
      const refusedOnline = status === undefined ? result.dropped === true || NOT_SENT.test(result.message) : status === 500 || (status >= 200 && status < 300);
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
