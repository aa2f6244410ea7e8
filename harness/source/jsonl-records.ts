import { SourceError } from '../errors/source-error';
import { errorMessage } from '../errors/error-message';
import { readFileChunks, type FileChunksOptions } from './file-chunks';
import { mayRepeatKeys, scanJson } from './json-scan';
import { detectMisreadJsonlLine } from './misread-format';
import type { RecordVisitor } from './record-visitor';

/** A parsed JSON Lines record: one JSON object. */
export type JsonObject = Record<string, unknown>;

/** How to read a JSON Lines file. */
export interface JsonlReadOptions extends FileChunksOptions {
  /**
   * The config setting the format came from (`source.format`): a file that is not JSON Lines at all (its first line
   * does not even start like JSON) is an error ending `; check source.format`.
   */
  formatSetting?: string | undefined;
}

const LF = 0x0a;
/** Longest excerpt of a parser message kept in a bad-row problem (messages can quote the whole line). */
const MAX_PROBLEM_CHARS = 160;

/**
 * Streams a JSON Lines file: one JSON object per line, blank lines ignored, CRLF and a UTF-8 BOM accepted.
 * Each object goes to `visitor.record` with its line; a line that is not valid JSON (with the column of the
 * error), is JSON but not an object, or repeats a key in an object (which `JSON.parse` would silently drop),
 * goes to `visitor.bad`. Throws a {@link SourceError} for an unreadable file, invalid UTF-8, or a file
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
    if (parsed.kind === 'bad' && parsed.syntax && records === 1) {
      // Not one bad row but a file that is not JSON Lines: no later line would parse either.
      const misread = detectMisreadJsonlLine(text);
      if (misread) throw new SourceError(file, line, misread.problem, { configPath: options.formatSetting });
    }
    if (parsed.kind === 'bad') visitor.bad(line, parsed.problem, parsed.column);
    else visitor.record(parsed.value, line, text);
  }

  for await (const chunk of readFileChunks(file, options)) {
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

type ParsedLine = { kind: 'ok'; value: JsonObject } | { kind: 'bad'; problem: string; column?: number; syntax?: boolean };

function parseLine(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return describeSyntaxError(text, errorMessage(error));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { kind: 'bad', problem: `expected a JSON object, got ${describeJsonType(value)}` };
  }
  const object = value as JsonObject;
  if (mayRepeatKeys(text, object)) {
    const finding = scanJson(text);
    if (finding?.kind === 'duplicate-key') {
      return { kind: 'bad', problem: `duplicate key ${JSON.stringify(finding.key)} in an object (JSON.parse would keep only the last value)`, column: columnAt(text, finding.at) };
    }
  }
  return { kind: 'ok', value: object };
}

/**
 * `invalid JSON: Expected ',' or '}' after property value`, at the column of the error: V8 gives a character
 * position in most messages and none in some (`Unexpected token 'x', "<the line>" is not valid JSON`), where the
 * scanner finds it.
 */
function describeSyntaxError(text: string, message: string): ParsedLine {
  const position = /at position (\d+)/.exec(message);
  const reason = message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  let at = position ? Number(position[1]) : undefined;
  if (at === undefined) {
    const finding = scanJson(text);
    if (finding?.kind === 'syntax') at = finding.at;
  }
  const problem = `invalid JSON: ${shorten(reason)}`;
  return at === undefined ? { kind: 'bad', problem, syntax: true } : { kind: 'bad', problem, column: columnAt(text, at), syntax: true };
}

/** 1-based column of the character at UTF-16 index `at` (characters outside the BMP count once). */
export function columnAt(text: string, at: number): number {
  let column = 1;
  for (let i = 0; i < at && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) column += 1;
  }
  return column;
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
