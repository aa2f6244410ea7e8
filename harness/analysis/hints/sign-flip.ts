import { describeCoverage, formatRows } from './format-values';
import type { HintDetector } from './hint-detector';
import { explainedShare, roundStrength } from './hint-strength';
import { MIN_EXPLAINED_SHARE, MIN_ROWS } from './hint-thresholds';
import { countSeparate } from './statistics';
import { isClose } from './tolerance';

/**
 * `sign_flip`: online ≈ −offline on (nearly) every mismatching row — a subtraction done the other way round,
 * or a loss where the other side expects a score.
 */
export const detectSignFlip: HintDetector = (view) => {
  const total = view.mismatching.length;
  // Tolerance relative to the difference (2·|offline|), as for the other relations.
  const explained = view.pairs.filter((p) => p.offline !== 0 && isClose(p.online, -p.offline, p.online - p.offline, p.offline));
  if (explained.length < MIN_ROWS || explained.length / total < MIN_EXPLAINED_SHARE) return undefined;
  // A single magnitude (±1 flags) fits a flip as well as a constant offset: ask for some spread.
  if (countSeparate(explained.map((p) => Math.abs(p.offline))) < 2) return undefined;
  return {
    kind: 'sign_flip',
    message: `online = −offline on ${describeCoverage(explained.length, total)}: the sign is flipped`,
    evidence: `${formatRows(explained.length, total)} with online = −offline`,
    strength: roundStrength(explainedShare(explained.length, total)),
  };
};
