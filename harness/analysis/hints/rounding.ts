import type { Hint } from '../../core/field-analysis';
import type { FieldView, NumericPair } from './field-view';
import { describeCoverage, formatNumber, formatRows } from './format-values';
import { judgeCoverage } from './hint-evidence';
import type { HintDetector } from './hint-detector';
import { explainedShare, roundStrength } from './hint-strength';
import { MIN_EXPLAINED_SHARE, MIN_ROWS } from './hint-thresholds';
import { agreesWithMode, describeModes, GRANULARITIES, ROUNDING_MODES, type RoundingMode } from './rounding-modes';
import { countDistinct, countSeparate, quantileOfSorted, sortedCopy } from './statistics';
import { isMultipleOf } from './tolerance';

type Side = 'offline' | 'online';
const OTHER: Record<Side, Side> = { offline: 'online', online: 'offline' };

/** Rounding spreads differences over most of [0, g): noise far smaller than g is not rounding. */
const MIN_SPREAD = 0.2;
/** Share of explained rows the named rounding mode(s) must reproduce. */
const MIN_MODE_SHARE = 0.9;
/** A field whose values span fewer grid steps than this shows nothing by differing by one step. */
const MIN_STEPS_SPANNED = 10;
/** Unit-step differences that might also be a constant offset are named less surely. */
const STEP_FACTOR = 0.9;

/**
 * `rounding`: the sides differ by less than a granularity g (1, 0.1, 0.01, 10, …) and one side is always a multiple of g (one side rounds, the other does
 * not); or both are multiples of g and differ by exactly g (two rounding modes; floor vs truncation shows on
 * negative values only). (One side rounded to float32 is `float32_widening`, float32-widening.ts.)
 */
export const detectRounding: HintDetector = (view) => oneSideRounded(view) ?? unitSteps(view);

function oneSideRounded(view: FieldView): Hint | undefined {
  const total = view.mismatching.length;
  for (const g of GRANULARITIES) {
    // Differences below g first: cheap, and it rules out most granularities before any multiple is tested.
    const small = view.pairs.filter((p) => Math.abs(p.online - p.offline) < g);
    if (small.length < MIN_EXPLAINED_SHARE * total) continue;
    for (const side of ['offline', 'online'] as const) {
      const raw = OTHER[side];
      const explained = small.filter((p) => isMultipleOf(p[side], g));
      if (explained.length < MIN_ROWS || explained.length / total < MIN_EXPLAINED_SHARE) continue;
      // Both sides on the grid: not one side rounding the other (unit steps are looked at separately).
      if (explained.filter((p) => isMultipleOf(p[raw], g)).length > explained.length / 2) continue;
      const spread = quantileOfSorted(sortedCopy(explained.map((p) => Math.abs(p.online - p.offline))), 0.9);
      if (spread < MIN_SPREAD * g) continue;
      // Everything rounding to one value (all zero at g = 1000) says nothing about how it rounds.
      if (countDistinct(explained.map((p) => Math.round(p[side] / g))) < 2) continue;
      const modes = fittingModes(explained, side, g);
      if (modes.length === 0) continue;
      if (!isSpecificRounding(view, explained.length, raw, g)) continue;
      return {
        kind: 'rounding',
        message:
          `${side} is ${raw} brought to a multiple of ${formatNumber(g)} (${describeModes(modes)}) on ${describeCoverage(explained.length, total)}: ` +
          `a rounding/truncation difference at granularity ${formatNumber(g)}`,
        evidence: `${formatRows(explained.length, total)}; |online − offline| < ${formatNumber(g)}, ${side} always a multiple of ${formatNumber(g)}`,
        strength: roundStrength(explainedShare(explained.length, total)),
      };
    }
  }
  return undefined;
}

/**
 * Rounding is a cause only where it would change a value: through the shared gate ({@link judgeCoverage}), the
 * rows whose raw value is off the grid must mostly mismatch. Clipping to [0, 1] also brings 1.37 to 1 and −0.2
 * to 0 — "truncation" of the clipped rows — but truncation would change 0.42 too, and those rows match.
 */
function isSpecificRounding(view: FieldView, explained: number, raw: Side, g: number): boolean {
  const offGrid = (pairs: readonly NumericPair[]) => pairs.filter((p) => !isMultipleOf(p[raw], g)).length;
  const inside = offGrid(view.pairs) + offGrid(view.matchingPairs);
  return judgeCoverage({ total: view.mismatching.length, inside: Math.max(inside, explained), insideMismatching: explained, outside: 0, outsideMismatching: 0 }).kind === 'claim';
}

function fittingModes(pairs: readonly NumericPair[], rounded: Side, g: number): RoundingMode[] {
  const raw = OTHER[rounded];
  const share = (mode: RoundingMode) => pairs.filter((p) => agreesWithMode(p[raw], p[rounded], g, mode)).length / pairs.length;
  const shares = ROUNDING_MODES.map((mode) => ({ mode, share: share(mode) }));
  const best = Math.max(...shares.map((s) => s.share));
  if (best < MIN_MODE_SHARE) return [];
  // Name every mode that fits as well as the best one: on positive values floor and truncation are the same.
  return shares.filter((s) => s.share >= MIN_MODE_SHARE && s.share >= best - 0.02).map((s) => s.mode);
}

function unitSteps(view: FieldView): Hint | undefined {
  const total = view.mismatching.length;
  for (const g of GRANULARITIES) {
    const explained = view.pairs.filter(
      (p) => Math.abs(Math.abs(p.online - p.offline) / g - 1) <= 1e-6 && isMultipleOf(p.offline, g) && isMultipleOf(p.online, g),
    );
    if (explained.length < MIN_ROWS || explained.length / total < MIN_EXPLAINED_SHARE) continue;
    return stepHint(view, explained, g, total);
  }
  return undefined;
}

function stepHint(view: FieldView, explained: readonly NumericPair[], g: number, total: number): Hint | undefined {
  // One value on each side (an unseen category coded −1 offline, 0 online) is a mapping, not rounding.
  if (countSeparate(explained.map((p) => p.offline)) < 2) return undefined;
  const n = explained.length;
  const up = explained.filter((p) => p.online > p.offline).length;
  const step = g === 1 ? 'one' : formatNumber(g);
  const evidence = `${formatRows(n, total)} differ by exactly ${formatNumber(g)} (online higher on ${up}); both sides multiples of ${formatNumber(g)}`;
  const higher: Side | undefined = up >= MIN_EXPLAINED_SHARE * n ? 'online' : n - up >= MIN_EXPLAINED_SHARE * n ? 'offline' : undefined;

  const negativeOnly = explained.every((p) => Math.min(p.offline, p.online) < 0);
  // Without the negative-only pattern, a ±g step is only telling on a field that spans many steps: on values
  // like −1, 0, 1 any two unrelated values differ by one step.
  const values = sortedCopy([...view.pairs, ...view.matchingPairs].map((p) => p.offline));
  const spansSteps = values.at(-1)! - values[0]! >= MIN_STEPS_SPANNED * g;
  if (higher && negativeOnly && view.matchingPairs.some((p) => p.offline > 0)) {
    // The side closer to zero truncates; the other floors (rounds toward −∞).
    return {
      kind: 'rounding',
      message:
        `${higher} is ${step} higher only on negative values: ${OTHER[higher]} floors (toward −∞) where ${higher} truncates toward zero, ` +
        `a rounding/truncation difference at granularity ${formatNumber(g)}`,
      evidence: `${evidence}; every mismatching value negative, ${view.matchingPairs.length} matching rows`,
      strength: roundStrength(explainedShare(n, total)),
    };
  }
  if (!spansSteps) return undefined;
  if (!higher) {
    return {
      kind: 'rounding',
      message: `the sides differ by ±${formatNumber(g)} on ${describeCoverage(n, total)}: they round to ${formatNumber(g)} in different ways`,
      evidence,
      strength: roundStrength(STEP_FACTOR * explainedShare(n, total)),
    };
  }
  // A step in one direction on every row is a constant offset; on some rows only, two rounding modes.
  if (view.matchingPairs.length < MIN_ROWS) return undefined;
  return {
    kind: 'rounding',
    message:
      `${higher} is ${step} higher on ${describeCoverage(n, total)} and equal elsewhere: ` +
      `${higher} rounds up where ${OTHER[higher]} rounds down (granularity ${formatNumber(g)})`,
    evidence: `${evidence}; ${view.matchingPairs.length} matching rows`,
    strength: roundStrength(STEP_FACTOR * explainedShare(n, total)),
  };
}
