import { isUtf8 } from 'node:buffer';

import { SourceError } from '../errors/source-error';

/**
 * Validates a byte stream as UTF-8 text, chunk by chunk: UTF-16 and UTF-32 text, NUL bytes and invalid UTF-8 are
 * errors naming what the file is and where.
 */
export interface Utf8Check {
  /** Validates the next chunk; throws a {@link SourceError} naming the line of the first problem. */
  check(chunk: Buffer): void;
  /** Validates the end of the stream (a character cut off by the end of the file is invalid). */
  end(): void;
}

const LF = 0x0a;
const NUL = 0x00;
/** Bytes of the start looked at to tell UTF-16 without a byte-order mark from a binary file. */
const SNIFF_BYTES = 1024;

/**
 * Creates a streaming UTF-8 validator for `file`. The common case costs one native `isUtf8` call, one NUL search
 * and a newline count per chunk; only when a chunk is invalid is it split by line to find which line is to blame.
 * A character split across two chunks is carried over (at most 3 bytes), so chunk boundaries never cause false
 * errors. A UTF-8 byte-order mark is valid (the readers skip it).
 *
 * - UTF-16 or UTF-32 (a byte-order mark, or NULs in every other byte of the start): `file is UTF-16 encoded …:
 *   save it as UTF-8`, rather than a misleading "invalid UTF-8".
 * - A NUL byte: `file:line:column: contains a NUL byte — is this a binary file?` (valid UTF-8, but no text file
 *   a pipeline was trained on holds one, and CSV readers disagree on what it means).
 */
export function createUtf8Check(file: string): Utf8Check {
  let carried: Buffer | null = null;
  let started = false;
  // Newlines seen in bytes already validated: the line of an error is this + 1 + newlines before it in the chunk.
  let linesBefore = 0;
  // Characters since the last newline in bytes already validated, for the column of a NUL byte.
  let columnBefore = 0;

  function failUtf8(region: Buffer): never {
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

  function failNul(region: Buffer, at: number): never {
    const before = region.subarray(0, at);
    const newlines = countNewlines(before);
    const lastNewline = before.lastIndexOf(LF);
    const column = (lastNewline === -1 ? columnBefore : 0) + countCharacters(before.subarray(lastNewline + 1)) + 1;
    throw new SourceError(file, linesBefore + newlines + 1, 'contains a NUL byte — is this a binary file?', { column });
  }

  return {
    check(chunk) {
      if (!started) {
        started = true;
        const encoding = detectWideEncoding(chunk);
        if (encoding) throw new SourceError(file, undefined, `file is ${encoding} encoded: save it as UTF-8`);
      }
      const joined = carried ? Buffer.concat([carried, chunk]) : chunk;
      const cut = completeLength(joined);
      const region = joined.subarray(0, cut);
      if (!isUtf8(region)) failUtf8(region);
      const nul = region.indexOf(NUL);
      if (nul !== -1) failNul(region, nul);
      const newlines = countNewlines(region);
      linesBefore += newlines;
      const lastNewline = newlines > 0 ? region.lastIndexOf(LF) : -1;
      columnBefore = (lastNewline === -1 ? columnBefore : 0) + countCharacters(region.subarray(lastNewline + 1));
      carried = cut < joined.length ? Buffer.from(joined.subarray(cut)) : null;
    },
    end() {
      if (carried) failUtf8(carried);
    },
  };
}

/**
 * `UTF-16 (little-endian)` and the like when the start of a file is UTF-16 or UTF-32 text: by its byte-order mark,
 * or, without one, by NUL bytes in most even or most odd positions (ASCII text in UTF-16) and few in the others.
 */
export function detectWideEncoding(head: Buffer): string | null {
  if (head[0] === 0xff && head[1] === 0xfe) return head[2] === 0 && head[3] === 0 ? 'UTF-32 (little-endian)' : 'UTF-16 (little-endian)';
  if (head[0] === 0xfe && head[1] === 0xff) return 'UTF-16 (big-endian)';
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return 'UTF-32 (big-endian)';
  const length = Math.min(head.length, SNIFF_BYTES) & ~1;
  if (length < 4 || head.indexOf(NUL) === -1 || head.indexOf(NUL) >= length) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 2) {
    if (head[i] === NUL) even += 1;
    if (head[i + 1] === NUL) odd += 1;
  }
  const pairs = length / 2;
  if (odd >= pairs * 0.4 && even <= pairs * 0.05) return 'UTF-16 (little-endian, no byte-order mark)';
  if (even >= pairs * 0.4 && odd <= pairs * 0.05) return 'UTF-16 (big-endian, no byte-order mark)';
  return null;
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

/** Characters in valid UTF-8: every byte but continuation bytes starts one. */
function countCharacters(bytes: Buffer): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i]! & 0xc0) !== 0x80) count += 1;
  return count;
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
