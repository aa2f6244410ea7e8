import type { ColumnType, Row } from '../../core/row';

/** A column as `skew init` sees it: its inferred type and what a sample of its values looks like. */
export interface ColumnSummary {
  name: string;
  type: ColumnType;
  /** Distinct non-null values in the sample. */
  distinct: number;
  /** Null (or missing) values in the sample. */
  nulls: number;
}

/** Key and label candidates, best first. */
export interface InferredRoles {
  columns: ColumnSummary[];
  keys: string[];
  labels: string[];
}

const ID_LIKE = /(^id$|_id$|^id_|uuid|guid|(^|_)key$)/i;
const LABEL_LIKE = /^(label|target|y|class|outcome|churn|churned|fraud|is_fraud|default|converted|response)$|^(is|has|was|will)_|churn/i;
/** Most distinct values a label candidate may have: a classification target, not a measurement. */
const MAX_LABEL_VALUES = 10;

/**
 * Guesses which columns identify a row and which is the label, from names and a sample of values. Keys: every value
 * present and unique in the sample (integer or string); id-like names (`id`, `customer_id`, `uuid`) first, and only
 * those when any exist. Labels: label-like names (`label`, `target`, `y`, `is_*`, `churned`) with at most 10 distinct
 * values. Pure: the caller reads the sample.
 */
export function inferRoles(columns: ReadonlyArray<{ name: string; type: ColumnType }>, rows: readonly Row[]): InferredRoles {
  const summaries = columns.map((column): ColumnSummary => {
    const seen = new Set<string>();
    let nulls = 0;
    for (const row of rows) {
      const value = row[column.name];
      if (value === null || value === undefined) nulls++;
      else seen.add(JSON.stringify(value));
    }
    return { name: column.name, type: column.type, distinct: seen.size, nulls };
  });
  const unique = summaries.filter((c) => rows.length > 0 && c.nulls === 0 && c.distinct === rows.length && (c.type === 'integer' || c.type === 'string'));
  const idLike = unique.filter((c) => ID_LIKE.test(c.name));
  const keys = (idLike.length > 0 ? idLike : unique).map((c) => c.name);
  const labels = summaries.filter((c) => LABEL_LIKE.test(c.name) && c.distinct >= 1 && c.distinct <= MAX_LABEL_VALUES && !keys.includes(c.name)).map((c) => c.name);
  return { columns: summaries, keys, labels };
}
