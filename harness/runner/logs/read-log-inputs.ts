import type { ResolvedConfig } from '../../config/resolved-config';
import type { ResolvedLogs } from '../../config/resolve-logs';
import { readLogSample, readSample, type LogSample, type SampleResult } from '../../source';

/**
 * Reads the training sample and the log sample concurrently. When one fails the other read is stopped rather than
 * streamed to its end (a log can be large), and the first failure is thrown.
 */
export async function readLogInputs(config: ResolvedConfig, logs: ResolvedLogs, signal: AbortSignal | undefined): Promise<[SampleResult, LogSample]> {
  const controller = new AbortController();
  const stop = () => controller.abort(signal?.reason);
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', stop, { once: true });
  const guard = <T>(reading: Promise<T>): Promise<T> =>
    reading.catch((error: unknown) => {
      controller.abort(error);
      throw error;
    });
  try {
    return await Promise.all([
      guard(readSample(config.source, config.sample, { signal: controller.signal, pathSetting: 'source.path' })),
      guard(readLogSample(logs.log, logs.sample, { signal: controller.signal })),
    ]);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
