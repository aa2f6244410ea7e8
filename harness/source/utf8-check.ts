import { isUtf8 } from 'node:buffer';

import { SourceError } from '../errors/source-error';

/** Validates a byte stream as UTF-8, chunk by chunk, and knows the line of the first invalid byte. */
export interface Utf8Check {
  /** Validates the next chunk; throws a {@link SourceError} naming the line of the first invalid sequence. */
  check(chunk: Buffer): void;
  /** Validates the end of the stream (a character cut off by the end of the file is invalid). */
  end(): void;
}

const LF = 0x0a;

/**
 * Creates a streaming UTF-8 validator for `file`. The common case costs one native `isUtf8` call and a newline
 * count per chunk; only when a chunk is invalid is it split by line to find which line is to blame. A character
 * split across two chunks is carried over (at most 3 bytes), so chunk boundaries never cause false errors.
 */
export function createUtf8Check(file: string): Utf8Check {
  let carried: Buffer | null = null;
  // Newlines seen in bytes already validated: the line of an error is this + 1 + newlines before it in the chunk.
  let linesBefore = 0;

  function fail(region: Buffer): never {
    let start = 0;
    let line = linesBefore + 1;
    for (;;) {
      const newline = region.indexOf(LF, start);
      const end = newline === -1 ? region.length : newline;
      if (!isUtf8(region.subarray(start, end))) break;
      if (newline === -1) break; // Valid line by line: the invalid part is a character cut at the very end.
      start = newline + 1;
      line += 1;
    }
    throw new SourceError(file, line, 'invalid UTF-8 (the file must be UTF-8 encoded)');
  }

  return {
    check(chunk) {
      const joined = carried ? Buffer.concat([carried, chunk]) : chunk;
      const cut = completeLength(joined);
      const region = joined.subarray(0, cut);
      if (!isUtf8(region)) fail(region);
      linesBefore += countNewlines(region);
      carried = cut < joined.length ? Buffer.from(joined.subarray(cut)) : null;
    },
    end() {
      if (carried) fail(carried);
    },
  };
}

/**
 * Length of the prefix of `bytes` that holds only whole characters: a trailing lead byte whose continuation
 * bytes have not arrived yet is left for the next chunk. Invalid tails are left in and caught by `isUtf8`.
 */
function completeLength(bytes: Buffer): number {
  const length = bytes.length;
  for (let back = 1; back <= 4 && back <= length; back++) {
    const byte = bytes[length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for its lead byte
    const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return expected > back ? length - back : length;
  }
  return length;
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  let at = bytes.indexOf(LF);
  while (at !== -1) {
    count += 1;
    at = bytes.indexOf(LF, at + 1);
  }
  return count;
}
