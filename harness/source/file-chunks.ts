import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { SourceError } from '../errors/source-error';
import { errorMessage } from '../errors/error-message';
import { detectFileSignature, SIGNATURE_BYTES } from './file-signature';
import { createUtf8Check } from './utf8-check';

/** Bytes read at a time: large enough to amortise per-chunk overhead, small enough to keep memory flat. */
const CHUNK_BYTES = 64 * 1024;

/** How to read a source file's bytes. */
export interface FileChunksOptions {
  /** Aborts the read (the reason is thrown). */
  signal?: AbortSignal | undefined;
  /**
   * The config setting the path came from (`source.path`): errors about the file itself — missing, a directory,
   * unreadable, not a CSV or JSON Lines file at all — end with `; check source.path`.
   */
  pathSetting?: string | undefined;
}

/**
 * Streams the text of `file`, validated as UTF-8, in chunks. The file is never held whole: memory is one chunk.
 * A gzip-compressed file (recognised by its first bytes, whatever its name) is decompressed as it streams.
 *
 * - An unreadable file (missing, a directory, no permission) is a {@link SourceError} without a line.
 * - A file of another kind (ZIP, Excel, Parquet, bzip2, …) is a {@link SourceError} saying what it is, also when it
 *   is inside a gzip stream.
 * - A truncated or corrupt gzip stream is a {@link SourceError}.
 * - UTF-16 text, a NUL byte and invalid UTF-8 are {@link SourceError}s (see {@link createUtf8Check}).
 * - When `signal` aborts, reading stops, the file is closed and the abort reason is thrown.
 *
 * Stopping early (`break`, or an exception in the consumer) closes the file too.
 */
export async function* readFileChunks(file: string, options: FileChunksOptions = {}): AsyncGenerator<Buffer, void, undefined> {
  const { signal, pathSetting } = options;
  signal?.throwIfAborted();
  const aboutFile = (problem: string, cause?: unknown): SourceError =>
    new SourceError(file, undefined, problem, { configPath: pathSetting, ...(cause === undefined ? {} : { cause }) });
  const utf8 = createUtf8Check(file);
  let handle: FileHandle | undefined;
  const streams: Readable[] = [];
  let gzip = false;
  let stopOnAbort: (() => void) | undefined;
  try {
    handle = await open(file, 'r');
    const head = Buffer.alloc(SIGNATURE_BYTES);
    const { bytesRead } = await handle.read(head, 0, SIGNATURE_BYTES, 0);
    const signature = detectFileSignature(head.subarray(0, bytesRead));
    if (signature?.kind === 'unsupported') throw aboutFile(signature.problem);
    // The signal may have fired while the file was opening; a stream created with an aborted signal would emit
    // its error before anything listens.
    signal?.throwIfAborted();
    const raw = handle.createReadStream({ start: 0, highWaterMark: CHUNK_BYTES, autoClose: false });
    streams.push(raw);
    stopOnAbort = () => raw.destroy(new Error('aborted'));
    signal?.addEventListener('abort', stopOnAbort, { once: true });
    let text: Readable = raw;
    if (signature?.kind === 'gzip') {
      gzip = true;
      const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
      // Errors of either stream surface through the iteration of the last one.
      raw.on('error', (error) => gunzip.destroy(error));
      text = raw.pipe(gunzip);
      streams.push(gunzip);
    }
    let first = gzip;
    for await (const chunk of text as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      if (first) {
        // What a gzip stream holds can be what no name says either: a ZIP, a Parquet file, gzip again.
        first = false;
        const inner = describeCompressedContent(chunk);
        if (inner !== undefined) throw aboutFile(inner);
      }
      utf8.check(chunk);
      yield chunk;
    }
    utf8.end();
  } catch (error) {
    // The stream reports an abort as its own AbortError; callers were promised the signal's reason.
    if (signal?.aborted) throw signal.reason;
    throw describeReadError(file, error, aboutFile, gzip);
  } finally {
    if (stopOnAbort) signal?.removeEventListener('abort', stopOnAbort);
    for (const stream of streams) stream.destroy();
    await handle?.close().catch(() => undefined);
  }
}

/** What the start of a gzip stream's decompressed content is, when it is not text: one line, or undefined. */
function describeCompressedContent(head: Buffer): string | undefined {
  const signature = detectFileSignature(head.subarray(0, SIGNATURE_BYTES));
  if (signature === null) return undefined;
  if (signature.kind === 'gzip') return 'file is gzip-compressed twice: decompress it once (gunzip), and it is read directly';
  return `file is gzip-compressed and, decompressed, ${signature.problem.replace(/^file is /, 'is ')}`;
}

/** Turns a file-system or gzip error into a one-line {@link SourceError}; our own errors pass through unchanged. */
function describeReadError(file: string, error: unknown, aboutFile: (problem: string, cause?: unknown) => SourceError, gzip: boolean): unknown {
  if (error instanceof SourceError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return aboutFile('file not found', error);
    case 'EISDIR':
      return aboutFile('is a directory, not a file', error);
    case 'EACCES':
    case 'EPERM':
      return aboutFile('cannot read file: permission denied', error);
    default: {
      if (gzip && typeof code === 'string' && code.startsWith('Z_')) {
        // The file is the right one, damaged: its path is not what to fix.
        return new SourceError(file, undefined, `file is gzip-compressed but its data is truncated or corrupt (${errorMessage(error)})`, { cause: error });
      }
      return aboutFile(`cannot read file: ${errorMessage(error)}`, error);
    }
  }
}
