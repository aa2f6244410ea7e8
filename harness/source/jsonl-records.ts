import { SourceError } from '../errors/source-error';
import { readFileChunks } from './file-chunks';
import type { RecordVisitor } from './record-visitor';
import { errorMessage } from '../errors/error-message';

/** A parsed JSON Lines record: one JSON object. */
export type JsonObject = Record<string, unknown>;

/** How to read a JSON Lines file. */
export interface JsonlReadOptions {
  /** Aborts the read (the reason is thrown). */
  signal?: AbortSignal | undefined;
}

const LF = 0x0a;
/** Longest excerpt of a parser message kept in a bad-row problem (messages can quote the whole line). */
const MAX_PROBLEM_CHARS = 160;

/**
 * Streams a JSON Lines file: one JSON object per line, blank lines ignored, CRLF and a UTF-8 BOM accepted.
 * Each object goes to `visitor.record` with its line; a line that is not valid JSON, or is JSON but not an
 * object, goes to `visitor.bad`. Throws a {@link SourceError} for an unreadable file, invalid UTF-8, or a file
 * without any record; anything `visitor` throws stops the read and is rethrown.
 */
export async function readJsonlRecords(file: string, options: JsonlReadOptions, visitor: RecordVisitor<JsonObject>): Promise<void> {
  let line = 0;
  let records = 0;
  // Pieces of a line that spans chunks; joined once the line ends.
  let pending: Buffer[] = [];

  function take(bytes: Buffer): void {
    line += 1;
    let text = bytes.toString('utf8');
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') return;
    records += 1;
    const parsed = parseLine(text);
    if (parsed.kind === 'bad') visitor.bad(line, parsed.problem);
    else visitor.record(parsed.value, line);
  }

  for await (const chunk of readFileChunks(file, options.signal)) {
    let start = 0;
    for (let newline = chunk.indexOf(LF); newline !== -1; newline = chunk.indexOf(LF, start)) {
      const piece = chunk.subarray(start, newline);
      if (pending.length > 0) {
        take(Buffer.concat([...pending, piece]));
        pending = [];
      } else {
        take(piece);
      }
      start = newline + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) take(Buffer.concat(pending));

  if (records === 0) throw new SourceError(file, undefined, 'file is empty');
}

type ParsedLine = { kind: 'ok'; value: JsonObject } | { kind: 'bad'; problem: string };

function parseLine(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = errorMessage(error);
    return { kind: 'bad', problem: `invalid JSON: ${shorten(message)}` };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { kind: 'ok', value: value as JsonObject };
  return { kind: 'bad', problem: `expected a JSON object, got ${describeJsonType(value)}` };
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function shorten(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_PROBLEM_CHARS ? oneLine : `${oneLine.slice(0, MAX_PROBLEM_CHARS - 1)}…`;
}
