import { decodeJsonValue } from '../core/json-encoding';
import { canonicalJson } from './canonical-json';
import { GOLDEN_FORMAT, GOLDEN_VERSION, type GoldenFile, type GoldenHeader, type GoldenRecord } from './golden-record';
import { parseJson } from '../core/lossless-json';

/** A golden file that cannot be read: the line and what is wrong (the caller names the file). */
export class GoldenParseError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/**
 * Serialises a golden file: the header line, then one record per line sorted by key, each canonical JSON, LF
 * line endings and a final newline. Deterministic: the same content always gives the same bytes.
 */
export function serializeGolden(file: GoldenFile): string {
  const records = [...file.records].sort((a, b) => compareKeys(a.key, b.key));
  const lines = [canonicalJson(file.header), ...records.map((r) => canonicalJson({ key: r.key, input: r.input, offline: r.offline, online: r.online }))];
  return `${lines.join('\n')}\n`;
}

/** Parses a golden file, checking the header and every record. Throws {@link GoldenParseError}. */
export function parseGolden(text: string): GoldenFile {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new GoldenParseError(1, 'is empty (no header line)');
  const header = parseLine(lines[0]!, 1) as Partial<GoldenHeader>;
  if (header.format !== GOLDEN_FORMAT) throw new GoldenParseError(1, `is not a skew-harness golden file (no "format": "${GOLDEN_FORMAT}" header)`);
  if (header.version !== GOLDEN_VERSION) throw new GoldenParseError(1, `has format version ${String(header.version)}; this skew-harness reads version ${GOLDEN_VERSION}`);
  const records: GoldenRecord[] = [];
  const seen = new Set<string>();
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    const r = parseLine(text, line) as Partial<GoldenRecord>;
    if (typeof r.key !== 'string') throw new GoldenParseError(line, 'record has no "key" string');
    if (seen.has(r.key)) throw new GoldenParseError(line, `duplicate record for key ${JSON.stringify(r.key)}`);
    if (!isObject(r.input)) throw new GoldenParseError(line, 'record has no "input" object');
    if (r.offline !== null && !isObject(r.offline)) throw new GoldenParseError(line, 'record "offline" must be an object or null');
    if (r.online !== null && !isObject(r.online)) throw new GoldenParseError(line, 'record "online" must be an object or null');
    seen.add(r.key);
    records.push({ key: r.key, input: r.input, offline: r.offline ?? null, online: r.online ?? null });
  });
  return {
    header: { format: GOLDEN_FORMAT, version: GOLDEN_VERSION, harness: String(header.harness ?? ''), suite: String(header.suite ?? ''), compare: header.compare ?? {}, redacted: Array.isArray(header.redacted) ? header.redacted.map(String) : [] },
    records,
  };
}

/** Key order in golden files: plain code-unit order (locale-independent). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function parseLine(text: string, line: number): unknown {
  try {
    return decodeJsonValue(parseJson(text));
  } catch {
    throw new GoldenParseError(line, 'is not valid JSON (a merge conflict? resolve it, or re-record with skew golden record)');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
