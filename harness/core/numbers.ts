import type { FieldPolicy } from './field-policy';

const float = new Float64Array(1);
const bits = new BigInt64Array(float.buffer);

/** Maps a double to an integer whose order is the order of the doubles (−0 and 0 map to the same point). */
function orderedBits(x: number): bigint {
  float[0] = x;
  const b = bits[0] as bigint;
  return b < 0n ? -0x8000000000000000n - b : b;
}

/** Number of representable doubles between `a` and `b` (0 when equal); `Infinity` if either is NaN. */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Infinity;
  const d = orderedBits(a) - orderedBits(b);
  return Number(d < 0n ? -d : d);
}

/** Whether two numbers match under a policy's NaN, signed-zero and tolerance rules. */
export function numbersMatch(a: number, b: number, policy: FieldPolicy): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) && policy.nan === 'equal';
  if (a === b) return a !== 0 || policy.signedZero === 'equal' || Object.is(a, b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(a - b);
  if (diff <= policy.abs) return true;
  const relApplies = policy.relOnIntegers || !(isExactInteger(a) && isExactInteger(b));
  if (relApplies && diff <= policy.rel * Math.max(Math.abs(a), Math.abs(b))) return true;
  return policy.ulps > 0 && ulpDistance(a, b) <= policy.ulps;
}

/**
 * From 2^52 on every double is a whole number, so a whole value there says nothing about whether it came from integer
 * or float arithmetic: Python's `…023.0` and JavaScript's `…024` may be the same float computation one ulp apart.
 */
const FLOATS_ARE_WHOLE = 2 ** 52;

/**
 * Whether a number is an integer in the sense that matters for tolerance: whole, and below 2^52 in magnitude (where
 * float noise would still show as a fraction). Integers compare exactly by default; larger whole numbers as floats.
 */
export function isExactInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x) < FLOATS_ARE_WHOLE;
}

/** Absolute and relative difference of two numbers (relative to the larger magnitude; 0 when both are 0). */
export function numberDifference(a: number, b: number): { absDiff: number; relDiff: number } {
  const absDiff = Math.abs(a - b);
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return { absDiff, relDiff: scale === 0 ? 0 : absDiff / scale };
}

/** Parses a string that is a plain decimal number (as a CSV or JSON writer would print one), else `undefined`. */
export function parseNumericString(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^(NaN|[+-]?Infinity)$/.test(trimmed)) return Number(trimmed);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
