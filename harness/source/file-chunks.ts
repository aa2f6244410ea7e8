import { createReadStream } from 'node:fs';

import { SourceError } from '../errors/source-error';
import { createUtf8Check } from './utf8-check';
import { errorMessage } from '../errors/error-message';

/** Bytes read at a time: large enough to amortise per-chunk overhead, small enough to keep memory flat. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Streams the bytes of `file`, validated as UTF-8, in chunks. The file is never held whole: memory is one chunk.
 *
 * - An unreadable file (missing, a directory, no permission) is a {@link SourceError} without a line.
 * - Invalid UTF-8 is a {@link SourceError} naming the line.
 * - When `signal` aborts, reading stops, the file is closed and the abort reason is thrown.
 *
 * Stopping early (`break`, or an exception in the consumer) closes the file too.
 */
export async function* readFileChunks(file: string, signal?: AbortSignal): AsyncGenerator<Buffer, void, undefined> {
  signal?.throwIfAborted();
  const utf8 = createUtf8Check(file);
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES, ...(signal ? { signal } : {}) });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      utf8.check(chunk);
      yield chunk;
    }
    utf8.end();
  } catch (error) {
    // The stream reports an abort as its own AbortError; callers were promised the signal's reason.
    if (signal?.aborted) throw signal.reason;
    throw describeReadError(file, error);
  } finally {
    stream.destroy();
  }
}

/** Turns a file-system error into a one-line {@link SourceError}; our own errors pass through unchanged. */
function describeReadError(file: string, error: unknown): unknown {
  if (error instanceof SourceError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new SourceError(file, undefined, 'file not found', { cause: error });
    case 'EISDIR':
      return new SourceError(file, undefined, 'cannot read file: it is a directory', { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new SourceError(file, undefined, 'cannot read file: permission denied', { cause: error });
    default: {
      const detail = errorMessage(error);
      return new SourceError(file, undefined, `cannot read file: ${detail}`, { cause: error });
    }
  }
}
