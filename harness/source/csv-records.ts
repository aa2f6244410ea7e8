import { parse, type Parser } from 'csv-parse';

import { ConfigError } from '../errors/config-error';
import { SourceError } from '../errors/source-error';
import { readFileChunks, type FileChunksOptions } from './file-chunks';
import type { RecordVisitor } from './record-visitor';

/** Receives the header and then the records of a CSV file. */
export interface CsvVisitor extends RecordVisitor<string[]> {
  /** The header row (column names, untrimmed), before any record. */
  header(names: string[], line: number): void;
}

/** How to read a CSV file. */
export interface CsvReadOptions extends FileChunksOptions {
  /** Field delimiter. */
  delimiter: string;
}

/**
 * A record longer than this is an error: without the limit an unclosed quote in a big file would make the
 * rest of the file one field, held in memory.
 */
export const MAX_CSV_RECORD_BYTES = 32 * 1024 * 1024;

/**
 * Streams a CSV file through csv-parse and hands each record to `visitor` with the line where it starts.
 * The first non-blank record is the header; a record with another number of fields is reported as bad
 * (`row has 5 fields, header has 4`) — or, when the record ran on over several lines and so most likely holds a
 * quote that was never closed where it should have been, as an unclosed quote at the line where it starts. Handles quoted fields with delimiters, quotes and newlines; LF, CRLF
 * and CR line endings, mixed; a UTF-8 BOM. Blank lines are skipped (and so is a record holding one empty
 * field, which only a one-column file can have: it cannot be told from a blank line).
 *
 * Throws a {@link SourceError} for an unreadable or empty file, a header without data rows, invalid UTF-8 and
 * an unclosed quote; anything `visitor` throws stops the read and is rethrown.
 */
export async function readCsvRecords(file: string, options: CsvReadOptions, visitor: CsvVisitor): Promise<void> {
  const parser = createParser(options.delimiter);
  // The parser also emits every error as an event; without a listener that would crash the process.
  parser.on('error', () => {});

  let nextLine = 1;
  let width = -1;
  let records = 0;

  function take({ record: fields, raw }: { record: string[]; raw: string }): void {
    const line = nextLine;
    // Records only span lines through newlines inside quoted fields, so the next record starts after them.
    const spanned = countNewlines(fields);
    nextLine = line + 1 + spanned;
    if (fields.length === 1 && fields[0] === '') return;
    if (width < 0) {
      width = fields.length;
      visitor.header(fields, line);
      return;
    }
    records += 1;
    const broken = spanned > 0 ? findBrokenQuote(fields, line, width) : null;
    if (broken) visitor.bad(broken.line, broken.problem);
    else if (fields.length === width) visitor.record(fields, line, raw);
    else visitor.bad(line, `row has ${plural(fields.length, 'field')}, header has ${width}`);
  }

  // Records are pulled from the parser right after each write rather than delivered as 'data' events, so that
  // they reach the visitor in order, before the write settles and before any parse error of a later record.
  function drain(): void {
    for (let read = parser.read() as RawRecord | null; read !== null; read = parser.read() as RawRecord | null) take(read);
  }

  try {
    for await (const chunk of readFileChunks(file, options)) {
      const written = settle(parser, (done) => parser.write(chunk, done));
      drain();
      await written;
      drain();
    }
    const ended = settle(parser, (done) => parser.end(done));
    drain();
    await ended;
    drain();
  } catch (error) {
    if (!isCsvParseError(error)) throw error;
    drain();
    throw describeParseError(file, nextLine, error);
  } finally {
    parser.destroy();
  }

  if (width < 0) throw new SourceError(file, undefined, 'file is empty');
  if (records === 0) throw new SourceError(file, undefined, 'header but no data rows');
}

function createParser(delimiter: string): Parser {
  if (delimiter.length === 0 || /["\r\n]/.test(delimiter)) {
    throw new ConfigError('source.delimiter', `must be a non-empty string without quotes or newlines, got ${JSON.stringify(delimiter)}`);
  }
  return parse({
    bom: true,
    delimiter,
    // Explicit rather than detected from the first line, so that a file mixing line endings keeps no stray `\r`.
    record_delimiter: ['\r\n', '\n', '\r'],
    // Field counts are checked here, so that a ragged row can be skipped instead of ending the parse.
    relax_column_count: true,
    // A quote inside an unquoted field (`5" screen`) is kept as text, as most CSV writers and readers do.
    relax_quotes: true,
    max_record_size: MAX_CSV_RECORD_BYTES,
    // Each record with its text as written, where the column of a bad value is found.
    raw: true,
  });
}

/** A record as the parser hands it over with `raw`: its cells and its text. */
interface RawRecord {
  record: string[];
  raw: string;
}

/** Runs a stream call that takes a completion callback and returns its outcome as a promise. */
function settle(parser: Parser, call: (done: (error?: Error | null) => void) => void): Promise<void> {
  const promise = new Promise<void>((resolve, reject) => {
    // `end()` does not pass every error to its callback in all Node versions: listen for the event too.
    const onError = (error: Error): void => reject(error);
    parser.once('error', onError);
    call((error) => {
      parser.off('error', onError);
      if (error) reject(error);
      else resolve();
    });
  });
  // The caller may throw (from the visitor) before awaiting: never leave the rejection unhandled.
  promise.catch(() => {});
  return promise;
}

function isCsvParseError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error) || error instanceof SourceError) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE');
}

/** `line` is where the record that failed starts: every record before it has been taken. */
function describeParseError(file: string, line: number, error: Error & { code: string }): SourceError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new SourceError(file, line, 'unclosed quote: the quoted field starting on this line never ends', { cause: error });
    case 'CSV_MAX_RECORD_SIZE':
      return new SourceError(file, line, `record longer than ${MAX_CSV_RECORD_BYTES / 1024 / 1024} MiB (an unclosed quote?)`, {
        cause: error,
      });
    default:
      return new SourceError(file, line, `invalid CSV: ${error.message.split('\n')[0]}`, { cause: error });
  }
}

/**
 * A multi-line record whose field count is wrong is most likely an unclosed quote swallowing the lines after it,
 * closed by a quote lines later: say so, at the line where the quoted field starts, rather than report a short row.
 * A well-formed multi-line field (an address, a comment) has the right field count and passes. (A broken quote
 * that happens to leave the right count cannot be told from such a field, and is read as one.)
 */
function findBrokenQuote(fields: string[], line: number, width: number): { line: number; problem: string } | null {
  if (fields.length === width) return null;
  const quoteLine = line;
  for (const field of fields) {
    const newlines = field.split('\n').length - 1;
    if (newlines === 0) continue;
    const leaving = `leaving a row of ${plural(fields.length, 'field')} where the header has ${width}`;
    return { line: quoteLine, problem: `unclosed quote: the quoted field starting on this line runs on to line ${quoteLine + newlines}, ${leaving}` };
  }
  return null;
}

function countNewlines(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) count += 1;
  }
  return count;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
