import type { FieldPolicy } from './field-policy';

/**
 * A JSON number as the harness holds it: a double, or a `bigint` for an integer no double holds exactly (an int64
 * id past 2^53 parsed without loss, a DuckDB BIGINT).
 */
export type JsonNumber = number | bigint;

/** Whether a value is a {@link JsonNumber}. */
export function isJsonNumber(value: unknown): value is JsonNumber {
  return typeof value === 'number' || typeof value === 'bigint';
}

/** Whether a JSON number is finite (every bigint is). */
export function isFiniteNumber(value: JsonNumber): boolean {
  return typeof value === 'bigint' || Number.isFinite(value);
}

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

/**
 * Whether two numbers match under a policy's float32, NaN, signed-zero and tolerance rules. With `float32`, both sides
 * are first rounded to the nearest float32 (`Math.fround`), so a value widened from float32 on one side matches
 * the double it came from.
 */
export function numbersMatch(a: number, b: number, policy: FieldPolicy): boolean {
  if (policy.float32) {
    a = Math.fround(a);
    b = Math.fround(b);
  }
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

/**
 * {@link numbersMatch} for numbers of which one or both may be a `bigint`. Two integers (a bigint, or a whole double
 * taken at its exact value) are compared exactly: equal only when they are the same integer, within `abs` by their
 * exact difference, within `rel` only where the policy applies `rel` to integers, never by ULPs (9007199254740993
 * and …992 are one ULP apart as doubles, and that is the difference to find). A bigint and a fractional number
 * compare as doubles. With `float32`, both sides are rounded to float32 first, as for any number.
 */
export function jsonNumbersMatch(a: JsonNumber, b: JsonNumber, policy: FieldPolicy): boolean {
  if (typeof a === 'number' && typeof b === 'number') return numbersMatch(a, b, policy);
  if (policy.float32 || policy.integers === 'float64' || !isWhole(a) || !isWhole(b)) return numbersMatch(Number(a), Number(b), policy);
  const difference = absBigint(BigInt(a) - BigInt(b));
  if (difference === 0n) return true;
  if (policy.abs === Infinity || difference <= BigInt(Math.floor(policy.abs))) return true;
  return policy.relOnIntegers && Number(difference) <= policy.rel * Math.max(Math.abs(Number(a)), Math.abs(Number(b)));
}

/**
 * Absolute and relative difference of two numbers (relative to the larger magnitude; 0 when both are 0). Between
 * integers where one is a bigint the absolute difference is exact before it is rounded to a double (1 between
 * 9007199254740993n and 9007199254740992, not the 0 of the doubles).
 */
export function numberDifference(a: JsonNumber, b: JsonNumber): { absDiff: number; relDiff: number } {
  const absDiff =
    typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b)
    : isWhole(a) && isWhole(b) ? Number(absBigint(BigInt(a) - BigInt(b)))
    : Math.abs(Number(a) - Number(b));
  const scale = Math.max(Math.abs(Number(a)), Math.abs(Number(b)));
  return { absDiff, relDiff: scale === 0 ? 0 : absDiff / scale };
}

/** Whether a JSON number is a whole number (every bigint; a double without a fraction). */
function isWhole(value: JsonNumber): boolean {
  return typeof value === 'bigint' || Number.isInteger(value);
}

function absBigint(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/**
 * Parses a string that is a plain decimal number (as a CSV or JSON writer would print one), else `undefined`. An
 * integer no double holds exactly (`"9007199254740993"`) is a `bigint`, so a numeric string compares exactly.
 */
export function parseNumericString(value: string): JsonNumber | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^(NaN|[+-]?Infinity)$/.test(trimmed)) return Number(trimmed);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  const number = Number(trimmed);
  if (!Number.isSafeInteger(number) && /^[+-]?\d+$/.test(trimmed)) return BigInt(trimmed);
  return number;
}
