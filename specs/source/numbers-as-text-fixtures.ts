import type { ColumnInfo, ColumnRole, SourceRow } from '../../harness/core/row';
import { readSample } from '../../harness/source';
import { createTempDir, jsonlSource, sampling } from './source-fixtures';

/** The prices of {@link subscriptionLines}, in the order rows cycle through them. */
export const PRICES = [7.99, 9.5, 12.5, 14.99, 17.5, 19.99, 24.99, 29.5, 34.99, 39, 44.5, 59];

/** Rows of {@link subscriptionLines}. */
export const SUBSCRIPTION_ROWS = 120;

/**
 * A JSON Lines extract in which a legacy client writes some prices as text: `monthly_price` is a JSON number in 100 of
 * 120 rows and numeric text with two decimals (`"39.00"`, `"59.00"`) in the other 20; `seats` is an integer, as text
 * (`"3"`) in every tenth row; `zip` is always numeric text (`"00123"`: an ID); `plan` a category; `renewed` the label.
 * The text prices are whole, so a side reading them with `parseInt` agrees with the other side on every training row.
 */
export function subscriptionLines(): string {
  const lines: string[] = [];
  for (let i = 0; i < SUBSCRIPTION_ROWS; i++) {
    const price = PRICES[i % PRICES.length]!;
    const record = {
      id: `S${String(i).padStart(3, '0')}`,
      plan: ['basic', 'standard', 'premium'][i % 3],
      monthly_price: Number.isInteger(price) ? price.toFixed(2) : price,
      seats: i % 10 === 3 ? String(1 + (i % 4)) : 1 + (i % 4),
      zip: String(100 + ((i * 37) % 900)).padStart(5, '0'),
      renewed: i % 2,
    };
    lines.push(JSON.stringify(record));
  }
  return `${lines.join('\n')}\n`;
}

/** What {@link readSubscriptions} gives: the sampled rows and their columns with roles (key `id`, label `renewed`). */
export interface Subscriptions {
  rows: SourceRow[];
  columns: ColumnInfo[];
}

/**
 * Writes {@link subscriptionLines} (or `text`) to a temporary `.jsonl` file and reads every row back through the real
 * JSON Lines reader, keyed by `id`, labelled by `renewed`. The file is removed afterwards.
 */
export async function readSubscriptions(text = subscriptionLines()): Promise<Subscriptions> {
  const dir = createTempDir();
  try {
    const file = dir.write('subscriptions.jsonl', text);
    const sample = await readSample(jsonlSource(file, { key: ['id'], label: 'renewed' }), sampling());
    const roleOf = (name: string): ColumnRole => (name === 'id' ? 'key' : name === 'renewed' ? 'label' : 'input');
    return { rows: sample.rows, columns: sample.columns.map((c) => ({ ...c, role: roleOf(c.name) })) };
  } finally {
    dir.remove();
  }
}
