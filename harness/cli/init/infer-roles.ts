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
/**
 * Names teams give a label: `label`, `target`, `churned`, `is_fraud`, `will_default`, `price_target`. Not a `target_` or
 * `label_` prefix: `target_mean_city` and `label_encoded_city` are inputs (target and label encodings).
 */
const LABEL_NAME = /^(label|target|y|class|outcome|churn|churned|fraud|is_fraud|default|defaulted|converted|response)$|^(was|will)_|_(label|target)$|churn/i;
/** Names a regression target goes by, whatever its number of values. */
const REGRESSION_NAME = /^(label|target|y|outcome|response)$|_(label|target)$/i;
/** A past participle (`renewed`, `clicked`, `purchased`): a yes/no outcome when the column has two values. */
const OUTCOME_NAME = /[a-z]{2}ed$/i;
/** `is_*`, `has_*`: as often an input (`is_weekend`, `has_discount`) as the label, so the last resort. */
const FLAG_NAME = /^(is|has)_/i;
/** Most distinct values a label candidate may have: a classification target, not a measurement. */
const MAX_LABEL_VALUES = 10;

/**
 * Guesses which columns identify a row and which is the label, from names and a sample of values. Keys: every value
 * present and unique in the sample (integer or string); id-like names (`id`, `customer_id`, `uuid`) first, and only
 * those when any exist. Labels, best first: label-like names (`label`, `target`, `churned`, `is_fraud`) with at most
 * 10 distinct values; then numeric ones named like a regression target (`target`, `*_target`), whatever their number
 * of values; then two-valued columns named like an outcome (`renewed`, `clicked`); then two-valued `is_*`/`has_*`
 * columns — in the last two, the later column first (a label tends to come last, after the inputs that are flags
 * too). Pure: the caller reads the sample.
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
  const candidates = summaries.filter((c) => c.distinct >= 1 && !keys.includes(c.name));
  const lastFirst = [...candidates].reverse();
  const twoValued = (c: ColumnSummary): boolean => c.distinct === 2 && (c.type === 'boolean' || c.type === 'integer' || c.type === 'string');
  const tiers = [
    candidates.filter((c) => LABEL_NAME.test(c.name) && c.distinct <= MAX_LABEL_VALUES),
    candidates.filter((c) => REGRESSION_NAME.test(c.name) && (c.type === 'number' || c.type === 'integer')),
    lastFirst.filter((c) => OUTCOME_NAME.test(c.name) && twoValued(c)),
    lastFirst.filter((c) => FLAG_NAME.test(c.name) && twoValued(c)),
  ];
  const labels = [...new Set(tiers.flat().map((c) => c.name))];
  return { columns: summaries, keys, labels };
}
