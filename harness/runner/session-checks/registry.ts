import type { CheckName } from '../../checks/check-names';
import { determinismCheck } from './determinism';
import { generatedParityCheck } from './generated-parity';
import { goldenCheck } from './golden';
import { inputContractCheck } from './input-contract';
import { batchInvarianceCheck, labelInvarianceCheck } from './invariance';
import { parityCheck } from './parity';
import type { SessionCheck } from './session-check';

/** Every check the session can run, by name. A check missing here is a type error. */
export const SESSION_CHECKS: { readonly [N in CheckName]: SessionCheck<N> } = {
  determinism: determinismCheck,
  parity: parityCheck,
  'generated-parity': generatedParityCheck,
  'input-contract': inputContractCheck,
  'batch-invariance': batchInvarianceCheck,
  'label-invariance': labelInvarianceCheck,
  golden: goldenCheck,
};
