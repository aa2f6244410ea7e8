/**
 * `node dist/scripts/bench/logs-bench.js` (after `npm run build`): `skew logs` reading a big serving log. A
 * 1,000,000-record JSON Lines log is made on the fly in a temp dir (set `BENCH_LOG_RECORDS` to change it), and
 * 1,000 records are sampled by `readLogSample` — the whole log, and a time window of its middle half (filtered
 * before sampling) — each in a fresh process (peak RSS). References measured in the same run: a process that
 * only streams the bytes, and a plain line loop with `JSON.parse`. Flat memory: the same sample from a log a tenth
 * the size must peak at the same RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BIG_LOG_START, makeBigLog } from './make-big-log';
import { measureInChild, type ChildMeasurement } from './measure-child';

const worker = path.join(__dirname, 'bench-worker.js');
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Runs the serving-log benchmark and returns its Markdown section. */
export async function benchLogs(records: number): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'skew-logs-bench-'));
  try {
    const big = path.join(dir, 'big.jsonl');
    const small = path.join(dir, 'small.jsonl');
    const tenth = Math.max(1, Math.round(records / 10));
    const bytes = await makeBigLog(big, records);
    await makeBigLog(small, tenth);
    process.stderr.write(`logs-bench: made ${fmt(records, 0)} records (${fmt(bytes / 2 ** 20)} MiB) in ${dir}\n`);
    const raw = await measureInChild(worker, ['read-raw', big]);
    const lines = await measureInChild(worker, ['json-lines', big]);
    const sample = await measureInChild(worker, ['log-sample', big, '1000']);
    const windowed = await measureInChild(worker, ['log-sample', big, '1000', String(BIG_LOG_START + records * 250), String(BIG_LOG_START + records * 750)]);
    const smaller = await measureInChild(worker, ['log-sample', small, '1000']);
    const smallerRaw = await measureInChild(worker, ['read-raw', small]);
    const seconds = (m: ChildMeasurement) => fmt(m.result['ms']! / 1000, 2);
    const rps = (m: ChildMeasurement, n = records) => fmt((n / m.result['ms']!) * 1000, 0);
    return [
      `## Sampling 1,000 of ${fmt(records, 0)} serving-log records (${fmt(bytes / 2 ** 20)} MiB JSON Lines)`,
      '',
      '| process | time (s) | records/s | peak RSS (MiB) |',
      '|---|---:|---:|---:|',
      `| reference: read the bytes only | ${seconds(raw)} | — | ${fmt(raw.peakRssMiB)} |`,
      `| reference: line loop + JSON.parse | ${seconds(lines)} | ${rps(lines)} | ${fmt(lines.peakRssMiB)} |`,
      `| readLogSample (reservoir, 1,000) | ${seconds(sample)} | ${rps(sample)} | ${fmt(sample.peakRssMiB)} |`,
      `| readLogSample, time window of the middle half | ${seconds(windowed)} | ${rps(windowed)} | ${fmt(windowed.peakRssMiB)} |`,
      `| reference: read the bytes of a tenth of the records (${fmt(tenth, 0)}) | ${seconds(smallerRaw)} | — | ${fmt(smallerRaw.peakRssMiB)} |`,
      `| readLogSample on a tenth of the records | ${seconds(smaller)} | ${rps(smaller, tenth)} | ${fmt(smaller.peakRssMiB)} |`,
      '',
      `- peak RSS ÷ file size: **${fmt(sample.peakRssMiB / (bytes / 2 ** 20), 2)}** (the log is never loaded whole)`,
      `- peak RSS, ${fmt(records, 0)} records ÷ a tenth of them: **${fmt(sample.peakRssMiB / smaller.peakRssMiB, 2)}**, where reading the bytes alone gives **${fmt(raw.peakRssMiB / smallerRaw.peakRssMiB, 2)}** (the stream's and the heap's own growth with the bytes read, not the sample)`,
      `- peak RSS ÷ reading the bytes alone: **${fmt(sample.peakRssMiB / raw.peakRssMiB, 2)}** at ${fmt(records, 0)} records, **${fmt(smaller.peakRssMiB / smallerRaw.peakRssMiB, 2)}** at a tenth (flat: memory follows the sample, not the log)`,
      `- peak RSS ÷ the line loop's: **${fmt(sample.peakRssMiB / lines.peakRssMiB, 2)}**; time ÷ the line loop's: **${fmt(sample.result['ms']! / lines.result['ms']!, 2)}** (what checking each record, the time window and sampling add)`,
      `- the time window (half the records kept) costs **${fmt(windowed.result['ms']! / sample.result['ms']!, 2)}×** the plain sample's time`,
      '',
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchLogs(Number(process.env['BENCH_LOG_RECORDS'] ?? 1_000_000)).then((lines) => process.stdout.write(`${lines.join('\n')}\n`));
}
