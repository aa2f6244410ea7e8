import { SourceError } from '../../errors/source-error';
import { readSample } from '../../source';
import type { DriftSample } from '../../analysis/drift/build-drift-report';
import type { DriftFileOptions, DriftOptions } from './drift-options';

/**
 * Streams one file through the source layer — the same CSV / JSON Lines reading, type inference and seeded
 * sampling as `skew run` — and keeps what a drift comparison needs. With the default reservoir sample, memory
 * stays proportional to `--sample` however large a serving log is; a file with fewer rows is read whole.
 */
export async function readDriftSample(file: DriftFileOptions, options: DriftOptions, signal?: AbortSignal): Promise<DriftSample> {
  const result = await readSample(
    { path: file.path, format: file.format, key: [], label: null, types: {}, nullValues: [''], delimiter: ',', onBadRow: options.onBadRow },
    { method: options.sample.method, size: options.sample.size ?? 1, seed: options.sample.seed, stratifyBy: null },
    { signal },
  );
  return {
    file: { path: file.given, format: file.format, rowsRead: result.rowsRead, rowsSampled: result.rows.length, badRowCount: result.badRowCount },
    columns: result.columns.map((c) => ({ name: c.name, type: c.type })),
    rows: result.rows.map((r) => r.values),
  };
}

/**
 * Reads the baseline and the current file concurrently. When one fails the other read is stopped rather than
 * streamed to its end (a serving log can be large), and the first failure is thrown.
 */
export async function readDriftSamples(options: DriftOptions, signal?: AbortSignal): Promise<[DriftSample, DriftSample]> {
  const controller = new AbortController();
  const stop = () => controller.abort(signal?.reason);
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', stop, { once: true });
  const read = (file: DriftFileOptions) =>
    readDriftSample(file, options, controller.signal).catch((error: unknown) => {
      controller.abort(error);
      throw error;
    });
  try {
    return await Promise.all([read(options.baseline), read(options.current)]);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * Whether a read failed only because the file holds no data: for drift that is "nothing to compare" (exit 3),
 * not unreadable input (exit 2). The source layer signals it with a SourceError without a line and one of two
 * fixed problems; matching them here keeps the distinction in one place until it has a code of its own.
 */
export function isEmptySourceError(error: unknown): error is SourceError {
  return error instanceof SourceError && error.line === undefined && (error.problem === 'file is empty' || error.problem === 'header but no data rows');
}
