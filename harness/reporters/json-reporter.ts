import { encodeJsonValue } from '../core/json-encoding';
import type { SkewReport } from '../core/report';
import { createFileReporter } from './file-reporter';
import type { Reporter } from './reporter';
import { stringifyJsonValue } from '../core/stringify-json';

/**
 * Serialises a report as JSON (non-finite numbers and −0 encoded losslessly, see `encodeJsonValue`; a bigint, an
 * integer kept exact past 2^53, as a JSON number with all its digits).
 */
export function serializeReport(report: SkewReport): string {
  return `${stringifyJsonValue(encodeJsonValue(report), 2)}\n`;
}

/** The JSON reporter: writes the versioned report to `file` atomically when the run ends. */
export function createJsonReporter(options: { file: string }): Reporter {
  return createFileReporter('json', options.file, serializeReport);
}
