import type { Row } from '../../../harness/core/row';
import { profileRows, type DataProfile } from '../../../harness/profile';
import { columnsOf, sourceRows } from '../../profile/profile-fixtures';

const PLANS = ['basic', 'basic', 'standard', 'premium', 'Basic'];
const DAY_MS = 86_400_000;

/** Sixty account rows with a key, a label and one input column of every kind (a few nulls among the amounts). */
export function accountRows(): Row[] {
  return Array.from({ length: 60 }, (_, i) => ({
    id: `C${String(i).padStart(3, '0')}`,
    plan: PLANS[i % PLANS.length],
    amount: i % 11 === 5 ? null : Math.round(((i * 7.31) % 150) * 100) / 100,
    visits: i % 17,
    signup: new Date(Date.UTC(2023, 0, 1) + i * 5 * DAY_MS).toISOString().slice(0, 10),
    last_seen: new Date(Date.UTC(2024, 2, 1) + i * 37 * 3_600_000).toISOString().replace('.000Z', 'Z'),
    name: `user ${i}`,
    active: i % 3 !== 0,
    churned: i % 4 === 0 ? 1 : 0,
  }));
}

/** Columns of {@link accountRows}. */
export const ACCOUNT_COLUMNS = columnsOf(
  { id: 'string', plan: 'string', amount: 'number', visits: 'integer', signup: 'date', last_seen: 'date', name: 'string', active: 'boolean', churned: 'integer' },
  { id: 'key', churned: 'label' },
);

/** The input columns of {@link accountRows}: the ones generation varies. */
export const ACCOUNT_INPUTS = ['plan', 'amount', 'visits', 'signup', 'last_seen', 'name', 'active'];

/** The profile of {@link accountRows}. */
export function accountProfile(): DataProfile {
  return profileRows(sourceRows(accountRows()), ACCOUNT_COLUMNS);
}
