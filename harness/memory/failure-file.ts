import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { decodeJsonValue, encodeJsonValue } from '../core/json-encoding';
import { SourceError } from '../errors/source-error';
import { writeFileAtomic } from '../io/write-file-atomic';
import { FAILURES_FORMAT, type StoredFailure } from './stored-failure';
import { parseJson } from '../core/lossless-json';
import { stringifyJsonValue } from '../core/stringify-json';

/** The memory file inside the configured directory. */
export function failureFile(dir: string): string {
  return path.join(dir, 'failures.jsonl');
}

/**
 * Reads the failure memory: a header line with the format and version, then one failure per line. A missing
 * file is an empty memory; a malformed one is an error naming the file and line (it is the project's data).
 */
export async function readFailures(dir: string): Promise<StoredFailure[]> {
  const file = failureFile(dir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new SourceError(file, undefined, `cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const lines = text.split('\n');
  const out: StoredFailure[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = decodeJsonValue(parseJson(line));
    } catch {
      throw new SourceError(file, i + 1, 'is not valid JSON (delete the file to reset the failure memory)');
    }
    if (i === 0) {
      const header = value as { format?: unknown; version?: unknown };
      if (header.format !== FAILURES_FORMAT.format) throw new SourceError(file, 1, 'is not a skew-harness failure memory file');
      if (header.version !== FAILURES_FORMAT.version) throw new SourceError(file, 1, `has format version ${String(header.version)}; this skew-harness reads version ${FAILURES_FORMAT.version}`);
      return;
    }
    const f = value as Partial<StoredFailure>;
    if (typeof f.check !== 'string' || typeof f.field !== 'string' || typeof f.key !== 'string') {
      throw new SourceError(file, i + 1, 'needs "check", "field" and "key" strings');
    }
    out.push({ check: f.check, field: f.field, key: f.key, ...(f.row ? { row: f.row } : {}) });
  });
  return out;
}

/** Writes the failure memory atomically; an empty memory removes nothing but writes just the header. */
export async function writeFailures(dir: string, failures: readonly StoredFailure[]): Promise<void> {
  const lines = [FAILURES_FORMAT, ...failures].map((f) => stringifyJsonValue(encodeJsonValue(f)));
  await writeFileAtomic(failureFile(dir), `${lines.join('\n')}\n`);
}
