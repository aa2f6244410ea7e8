import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Epoch ms of the first record of {@link makeBigLog}; records are one second apart. */
export const BIG_LOG_START = Date.UTC(2025, 0, 1);

/**
 * Writes a churn-like serving log of `records` JSON Lines records to `file`, streamed (made on the fly for the
 * benchmark, never committed): `time` one second apart from {@link BIG_LOG_START}, a key that repeats, the request's
 * inputs and the features served. Deterministic. Returns the bytes written.
 */
export async function makeBigLog(file: string, records: number): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const plans = ['basic', ' Premium', 'STANDARD ', 'premium'];
  const countries = ['US', 'de', ' FR', null, 'IN'];
  let chunk = '';
  for (let i = 0; i < records; i++) {
    const spend = i % 23 === 0 ? null : ((i * 7919) % 20000) / 100;
    const sessions = i % 13 === 0 ? null : (i * 31) % 60;
    const record = {
      time: new Date(BIG_LOG_START + i * 1000).toISOString(),
      key: `C${String(i % 50_000).padStart(7, '0')}`,
      inputs: {
        signup_date: `2022-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        plan: plans[i % 4],
        country: countries[i % 5],
        monthly_spend: spend,
        sessions_last_30d: sessions,
        support_tickets: i % 7,
      },
      features: { tenure_days: 700 + (i % 400), plan_code: i % 3, spend_log: Math.log1p(spend ?? 0), sessions_z: ((sessions ?? 20) - 20) / 10 },
    };
    chunk += `${JSON.stringify(record)}\n`;
    if (i % 5000 === 4999) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'close');
  return bytes;
}
