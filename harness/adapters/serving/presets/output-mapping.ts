import type { FeatureVector } from '../../../core/row';
import { describeValue } from '../default-mappers';

/**
 * Which outputs of a model become which features: output name → feature name, or → a list of feature names for an
 * output whose row is a vector (`{ probabilities: ['p_no', 'p_yes'] }`). Only listed outputs are read.
 */
export type OutputMapping = Record<string, string | string[]>;

/** The feature name of a model's one unnamed output (TF Serving, MLflow return a bare value per row). */
export const UNNAMED_OUTPUT = 'prediction';

/**
 * One row's features from its outputs by name. Without a mapping every output becomes the feature of the same name;
 * with one, only the listed outputs are read, and a listed output the response lacks is an error naming what it has.
 */
export function mapOutputs(outputs: Record<string, unknown>, mapping: OutputMapping | null): FeatureVector {
  if (mapping === null) return { ...outputs };
  const features: FeatureVector = {};
  for (const [output, target] of Object.entries(mapping)) {
    if (!Object.hasOwn(outputs, output)) {
      throw new Error(`response has no output ${JSON.stringify(output)} (outputs: ${Object.keys(outputs).join(', ') || 'none'})`);
    }
    const value = outputs[output];
    if (typeof target === 'string') {
      features[target] = value;
      continue;
    }
    if (!Array.isArray(value) || value.length !== target.length) {
      throw new Error(`output ${JSON.stringify(output)} is mapped to ${target.length} features but holds ${describeValue(value)}${Array.isArray(value) ? ` of ${value.length}` : ''}`);
    }
    target.forEach((name, i) => (features[name] = value[i]));
  }
  return features;
}

/** A row's value of exactly one element is that element: `[0.7]` (a `[batch, 1]` output) is the scalar `0.7`. */
export function unwrapSingle(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? unwrapSingle(value[0]) : value;
}

/** Splits column-wise outputs (`{ name: [v0, v1, …] }`, one value per row) into one outputs object per row. */
export function columnsToRows(columns: Record<string, unknown>, rowCount: number, where: string): Array<Record<string, unknown>> {
  const rows = Array.from({ length: rowCount }, () => ({}) as Record<string, unknown>);
  for (const [name, values] of Object.entries(columns)) {
    if (!Array.isArray(values) || values.length !== rowCount) {
      throw new Error(`${where}.${name} must hold one value per row: ${rowCount} expected, got ${describeValue(values)}${Array.isArray(values) ? ` of ${values.length}` : ''}`);
    }
    values.forEach((value, i) => (rows[i]![name] = unwrapSingle(value)));
  }
  return rows;
}

/** The array of one entry per row at `where`, or an error saying what came instead. */
export function perRow(value: unknown, rowCount: number, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`response ${where} is not an array (got ${describeValue(value)})`);
  if (value.length !== rowCount) throw new Error(`response ${where} has ${value.length} entries for ${rowCount} rows`);
  return value;
}
