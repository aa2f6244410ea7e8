import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes a churn-like CSV of `rows` data rows to `file`, streamed (made on the fly for the benchmark, never
 * committed). Deterministic; quoted, padded and empty cells included so the parser does real work.
 */
export async function makeBigCsv(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('customer_id,signup_date,reference_date,plan,country,monthly_spend,sessions_last_30d,note,churned\n');
  const plans = ['basic', ' Premium', 'STANDARD ', 'premium'];
  const countries = ['US', 'de', ' FR', '', 'IN'];
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const spend = i % 23 === 0 ? '' : ((i * 7919) % 20000 / 100).toFixed(2);
    const sessions = i % 13 === 0 ? '' : String((i * 31) % 60);
    const note = i % 5 === 0 ? `"says ""hi"", then leaves"` : 'ok';
    chunk += `C${String(i).padStart(7, '0')},2022-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},2025-01-15,${plans[i % 4]},${countries[i % 5]},${spend},${sessions},${note},${i % 4 === 0 ? 1 : 0}\n`;
    if (i % 5000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'close');
  return bytes;
}
