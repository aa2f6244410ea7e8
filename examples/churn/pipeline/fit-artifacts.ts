import type { Artifacts } from './artifacts';
import { trimAscii } from './input-values';

/** The columns the fit reads, typed as in the training data. */
export interface FitRow {
  plan: string;
  monthly_spend: number | null;
  sessions_last_30d: number | null;
}

/**
 * Fits the training statistics, the way a scikit-learn `Pipeline([SimpleImputer('median'), StandardScaler()])`
 * would: sessions are imputed with their median first, then the scaler's mean and population std are taken on
 * the imputed column. Sums run in row order, so the same rows always give the same doubles.
 */
export function fitArtifacts(rows: readonly FitRow[], file: string): Artifacts {
  const spend = rows.flatMap((row) => (row.monthly_spend === null ? [] : [row.monthly_spend]));
  const observedSessions = rows.flatMap((row) => (row.sessions_last_30d === null ? [] : [row.sessions_last_30d]));
  const sessionsMedian = median(observedSessions);
  const sessions = rows.map((row) => row.sessions_last_30d ?? sessionsMedian);
  const mean = sessions.reduce((sum, x) => sum + x, 0) / sessions.length;
  const std = Math.sqrt(sessions.reduce((sum, x) => sum + (x - mean) * (x - mean), 0) / sessions.length);
  return {
    format_version: 1,
    fitted_on: { file, rows: rows.length },
    monthly_spend: { median: median(spend) },
    sessions_last_30d: { mean, median: sessionsMedian, std },
    plan_vocabulary: [...new Set(rows.map((row) => trimAscii(row.plan).toLowerCase()))].sort(),
  };
}

/**
 * Canonical JSON for artifacts: keys sorted at every level, two-space indent, shortest round-trip numbers
 * (`JSON.stringify`), LF and a final newline, so regenerating gives the same bytes.
 */
export function formatArtifacts(artifacts: Artifacts): string {
  return `${JSON.stringify(sortKeys(artifacts), null, 2)}\n`;
}

function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('cannot fit a median on no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
}
