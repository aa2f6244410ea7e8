/**
 * One benchmark measurement in a fresh process (see measure-child.ts): `read-raw FILE`, `csv-parse FILE`,
 * `sample FILE N`, `json-lines FILE` or `log-sample FILE N [SINCE UNTIL]` (epoch ms). Prints one JSON line: what it counted, how long it took, and its peak RSS.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { createInterface } from 'node:readline';
import { readLogSample, readSample } from '../../harness/source';

async function main(): Promise<Record<string, number>> {
  const [mode, file, size] = process.argv.slice(2) as [string, string, string?];
  const started = performance.now();
  let count = 0;
  switch (mode) {
    case 'read-raw':
      // Reference: the bytes alone, no parsing — the floor any reader pays.
      for await (const chunk of createReadStream(file)) count += (chunk as Buffer).length;
      break;
    case 'csv-parse':
      // Reference: csv-parse alone, records discarded — what our reader costs beyond the parser.
      for await (const _record of createReadStream(file).pipe(parse({ bom: true }))) count++;
      break;
    case 'sample': {
      const result = await readSample(
        { path: file, format: 'csv', key: ['customer_id'], label: 'churned', types: {}, nullValues: [''], delimiter: ',', onBadRow: 'error' },
        { method: 'reservoir', size: Number(size ?? 1000), seed: 1, stratifyBy: null },
      );
      count = result.rowsRead;
      break;
    }
    case 'json-lines':
      // Reference: a plain line loop with JSON.parse, records discarded — the floor of any JSON Lines reader.
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        if (line !== '') {
          JSON.parse(line);
          count++;
        }
      }
      break;
    case 'log-sample': {
      const [since, until] = process.argv.slice(5).map(Number);
      const result = await readLogSample(
        {
          path: file,
          format: 'jsonl',
          fields: { inputs: 'inputs', features: 'features', time: 'time', key: 'key', label: null },
          since: since ?? null,
          until: until ?? null,
          onBadRow: 'error',
          keys: null,
        },
        { method: 'reservoir', size: Number(size ?? 1000), seed: 1, stratifyBy: null },
      );
      count = result.recordsRead;
      break;
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
  return { count, ms: performance.now() - started, maxRssKiB: process.resourceUsage().maxRSS };
}

void main().then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
