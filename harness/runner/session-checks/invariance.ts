import { runBatchInvarianceCheck } from '../../checks/batch-invariance';
import { runLabelInvarianceCheck } from '../../checks/label-invariance';
import type { SessionCheck } from './session-check';

/** batch-invariance: offline features of a row alone and within a batch. */
export const batchInvarianceCheck: SessionCheck<'batch-invariance'> = {
  name: 'batch-invariance',
  run: (ctx, env) => runBatchInvarianceCheck(ctx, env.config.checks.batchInvariance),
};

/** label-invariance: offline features must not move when the label changes (leakage). */
export const labelInvarianceCheck: SessionCheck<'label-invariance'> = {
  name: 'label-invariance',
  run: (ctx, env) => runLabelInvarianceCheck(ctx, { rows: env.config.checks.labelInvariance.rows, seed: env.config.sample.seed }),
};
