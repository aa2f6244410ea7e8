import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { AnalysisInput, AnalysisRow } from '../../../harness/analysis/analysis-input';
import { createComparePolicy } from '../../../harness/core/compare-policy';
import { diffFeatures } from '../../../harness/core/diff';
import type { ColumnInfo, Row } from '../../../harness/core/row';
import { profileRows } from '../../../harness/profile/profile-rows';
import { loadArtifacts } from '../../../examples/churn/pipeline/artifacts';
import { computeFeatures } from '../../../examples/churn/pipeline/features';
import type { OnlineBug } from '../../../examples/churn/serving/online-bugs';
import { createOnlineFeatures } from '../../../examples/churn/serving/online-features';
import { column } from './hint-fixtures';

const TRAINING_CSV = join(__dirname, '..', '..', '..', 'examples', 'churn', 'data', 'training.csv');

/** The example's columns as the harness types them. */
export const CHURN_COLUMNS: ColumnInfo[] = [
  column('customer_id', 'string', 'key'),
  column('signup_date', 'date'),
  column('reference_date', 'date'),
  column('last_login_at', 'date'),
  column('plan', 'string'),
  column('country', 'string'),
  column('monthly_spend', 'number'),
  column('sessions_last_30d', 'integer'),
  column('support_tickets', 'integer'),
  column('avg_session_minutes', 'number'),
  column('churned', 'integer', 'label'),
];

const NUMERIC = new Set(CHURN_COLUMNS.filter((c) => c.type === 'integer' || c.type === 'number').map((c) => c.name));

/** The training rows typed as the harness reads them: empty cell → null, numeric columns as numbers. */
export function readChurnRows(): Row[] {
  const records = parse(readFileSync(TRAINING_CSV, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  return records.map((record) =>
    Object.fromEntries(Object.entries(record).map(([name, cell]) => [name, cell === '' ? null : NUMERIC.has(name) ? Number(cell) : cell])),
  );
}

/**
 * Runs `rows` through the offline pipeline and the serving feature function with `bugs` (clock fixed at
 * `now`), diffs them with the default policy, and returns the analysis input, profiled on `profileFrom`.
 */
export function analyseChurn(rows: readonly Row[], bugs: readonly OnlineBug[], now: number, profileFrom: readonly Row[] = rows): AnalysisInput {
  const offline = computeFeatures(rows.map((row) => ({ ...row })));
  const serve = createOnlineFeatures(loadArtifacts(), { bugs: new Set(bugs), now: () => now });
  const policy = createComparePolicy();
  const analysed: AnalysisRow[] = rows.map((row, i) => {
    const { churned: _label, ...inputs } = row;
    const online = serve(inputs);
    const key = String(row.customer_id);
    const mismatched = new Set(diffFeatures(key, offline[i]!, online, policy).filter((o) => o.mismatches.length > 0).map((o) => o.field));
    return { key, inputs: row, offline: offline[i]!, online, mismatched };
  });
  const profile = profileRows(
    profileFrom.map((values, i) => ({ key: String(values.customer_id), line: i + 2, values })),
    CHURN_COLUMNS,
  );
  return { rows: analysed, columns: CHURN_COLUMNS, profile, offlineOnly: [], onlineOnly: [] };
}
