import { readFile } from 'node:fs/promises';
import { decodeJsonValue } from '../core/json-encoding';
import { REPORT_SCHEMA_VERSION, type SkewReport } from '../core/report';
import { SourceError } from '../errors/source-error';
import { parseJson } from '../core/lossless-json';

/**
 * Reads a saved JSON report (`skew report`, `--baseline`): checks it is a skew report of a schema version this
 * harness reads, and decodes the tagged NaN / ±Infinity / −0 values, so re-rendering gives what the live run gave.
 */
export async function readReport(file: string): Promise<SkewReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SourceError(file, undefined, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    throw new SourceError(file, undefined, `is not valid JSON: ${(error as Error).message}`);
  }
  const report = value as Partial<SkewReport> | null;
  if (!report || typeof report !== 'object' || report.tool?.name !== 'skew-harness' || !('verdict' in report)) {
    throw new SourceError(file, undefined, 'is not a skew-harness JSON report');
  }
  if (report.schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new SourceError(file, undefined, `has report schema version ${String(report.schemaVersion)}; this skew-harness reads version ${REPORT_SCHEMA_VERSION}`);
  }
  return decodeJsonValue(value) as SkewReport;
}
