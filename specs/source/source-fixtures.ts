import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { SampleOptions, SourceOptions } from '../../harness/source/source-options';

/**
 * A temporary directory for one spec file's data files: create it in `beforeAll`, remove it in `afterAll`.
 * Every helper writes real files; nothing in these specs mocks the file system.
 */
export interface TempDir {
  /** Writes `content` to `name` inside the directory and returns the absolute path. */
  write(name: string, content: string | Buffer): string;
  /** The absolute path of `name` inside the directory (not created). */
  path(name: string): string;
  /** Removes the directory and everything in it. */
  remove(): void;
}

/** Creates a {@link TempDir} under the OS temp directory. */
export function createTempDir(): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-source-'));
  return {
    write(name, content) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
    path: (name) => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Resolved source options for `file`, with the defaults of the config resolver, overridden by `overrides`. */
export function csvSource(file: string, overrides: Partial<SourceOptions> = {}): SourceOptions {
  return { path: file, format: 'csv', key: [], label: null, types: {}, nullValues: [''], delimiter: ',', onBadRow: 'error', ...overrides };
}

/** Like {@link csvSource}, for a JSON Lines file. */
export function jsonlSource(file: string, overrides: Partial<SourceOptions> = {}): SourceOptions {
  return csvSource(file, { format: 'jsonl', ...overrides });
}

/** Sample options: every row unless overridden. */
export function sampling(overrides: Partial<SampleOptions> = {}): SampleOptions {
  return { method: 'all', size: 1000, seed: 1, stratifyBy: null, ...overrides };
}

/** A CSV text with an `id` column counting from `from` to `to` and a few more columns derived from it. */
export function numberedCsv(from: number, to: number, header = true): string {
  const lines = header ? ['id,group,value'] : [];
  for (let id = from; id <= to; id++) lines.push(`${id},g${id % 4},${(id * 0.25).toFixed(2)}`);
  return `${lines.join('\n')}\n`;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}
