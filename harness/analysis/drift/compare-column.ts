import { compareCategorical, compareNumeric, isMissing } from '../distribution';
import type { ColumnType } from '../../core/row';
import type { DriftColumn, DriftMetric, DriftThresholds } from '../../core/drift-report';

/** Quantile bins of the baseline that numeric columns are compared over. */
export const DRIFT_BINS = 10;

/** One column of one file: its inferred type and its values in the sample (absent as `undefined`). */
export interface ColumnSample {
  type: ColumnType;
  values: readonly unknown[];
}

/** What a column's values are, for deciding how (and whether) two files' columns can be compared. */
type ValueClass = 'number' | 'date' | 'category' | 'json';

function classOf(type: ColumnType): ValueClass {
  switch (type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'boolean':
    case 'string':
      return 'category';
    case 'json':
      return 'json';
  }
}

/**
 * Compares one column's distribution in the baseline and the current sample. Numbers are binned at the
 * baseline's deciles (PSI, Jensen–Shannon); dates likewise, as instants; strings and booleans by category share
 * (L∞); a null bin / category on both sides makes a change in missing values count as drift. Columns whose
 * values are of another kind in each file are `type_changed`: a feature that arrives as a string where
 * training had a number is the contract skew an ML engineer wants named, not averaged away.
 */
export function compareColumn(column: string, baseline: ColumnSample, current: ColumnSample, thresholds: DriftThresholds): DriftColumn {
  const rows = { baseline: baseline.values.length, current: current.values.length };
  const nullRate = { baseline: missingShare(baseline.values), current: missingShare(current.values) };
  const base: Omit<DriftColumn, 'kind' | 'status'> = {
    column,
    types: { baseline: baseline.type, current: current.type },
    rows,
    nullRate,
    psi: null,
    jensenShannon: null,
    lInfinity: null,
    exceeded: [],
    numeric: null,
    categorical: null,
  };
  // An all-null column is inferred as `string`; it says nothing about its kind, so it takes the other file's.
  const baselineClass = nullRate.baseline === 1 && rows.baseline > 0 ? classOf(current.type) : classOf(baseline.type);
  const currentClass = nullRate.current === 1 && rows.current > 0 ? baselineClass : classOf(current.type);

  if (baselineClass !== currentClass) return ordered({ ...base, kind: null, status: 'type_changed' });
  switch (baselineClass) {
    case 'json':
      return ordered({ ...base, kind: null, status: 'not_compared' });
    case 'category': {
      const result = compareCategorical(baseline.values, current.values);
      const exceeded = over(thresholds, { lInfinity: result.lInfinity });
      const shift = result.largestShift;
      return ordered({
        ...base,
        kind: 'categorical',
        lInfinity: result.lInfinity,
        exceeded,
        status: exceeded.length > 0 ? 'drift' : 'stable',
        categorical: {
          largestShift: shift && { category: shift.category, baseline: shift.reference, current: shift.current },
          unseen: result.unseen,
        },
      });
    }
    case 'number':
    case 'date': {
      const asNumbers = (values: readonly unknown[]) => (baselineClass === 'date' ? values.map(toInstant) : values);
      const b = asNumbers(baseline.values);
      const c = asNumbers(current.values);
      const result = compareNumeric(b, c, DRIFT_BINS);
      const exceeded = over(thresholds, { psi: result.psi, jensenShannon: result.jensenShannon });
      return ordered({
        ...base,
        kind: 'numeric',
        psi: result.psi,
        jensenShannon: result.jensenShannon,
        exceeded,
        status: exceeded.length > 0 ? 'drift' : 'stable',
        numeric: {
          edges: result.edges,
          counts: { baseline: result.reference.counts, current: result.current.counts },
          nulls: { baseline: result.reference.missing, current: result.current.missing },
          median: { baseline: median(b), current: median(c) },
        },
      });
    }
  }
}

/** The same column with its properties in reading order (the JSON report shows them in this order). */
function ordered(c: DriftColumn): DriftColumn {
  return {
    column: c.column,
    kind: c.kind,
    status: c.status,
    types: c.types,
    rows: c.rows,
    nullRate: c.nullRate,
    psi: c.psi,
    jensenShannon: c.jensenShannon,
    lInfinity: c.lInfinity,
    exceeded: c.exceeded,
    numeric: c.numeric,
    categorical: c.categorical,
  };
}

/** The metrics strictly over their thresholds ("> 0.2 is significant"), in a fixed order. */
function over(thresholds: DriftThresholds, values: Partial<Record<DriftMetric, number>>): DriftMetric[] {
  return (['psi', 'jensenShannon', 'lInfinity'] as const).filter((metric) => {
    const value = values[metric];
    return value !== undefined && value > thresholds[metric];
  });
}

function missingShare(values: readonly unknown[]): number {
  if (values.length === 0) return 0;
  let missing = 0;
  for (const value of values) if (isMissing(value)) missing += 1;
  return missing / values.length;
}

/** A date column's text as epoch milliseconds (NaN, so counted as missing, if it does not parse). */
function toInstant(value: unknown): unknown {
  return typeof value === 'string' ? Date.parse(value) : value;
}

/** Median of the finite numbers among `values` (the mean of the middle two for an even count), or null. */
function median(values: readonly unknown[]): number | null {
  const sorted = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
