/** Row-major tensor helpers of the Open Inference Protocol: flat `data` and nested arrays are the same tensor. */

/** The elements of a (possibly nested) array in row-major order. */
export function flatten(data: readonly unknown[]): unknown[] {
  return data.some(Array.isArray) ? (data as unknown[]).flat(Infinity) : [...data];
}

/** Number of elements of a tensor of `shape` (1 for a scalar shape `[]`). */
export function elementCount(shape: readonly number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

/** Nests row-major `flat` elements by `dims` (`[2, 3]` → two arrays of three); `[]` → the single element. */
export function reshape(flat: readonly unknown[], dims: readonly number[]): unknown {
  if (dims.length === 0) return flat[0];
  const [first, ...rest] = dims;
  const size = elementCount(rest);
  return Array.from({ length: first! }, (_, i) => reshape(flat.slice(i * size, (i + 1) * size), rest));
}

/** True for a shape: an array of non-negative integers. */
export function isShape(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((dim) => Number.isInteger(dim) && (dim as number) >= 0);
}
