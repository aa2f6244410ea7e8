import { encodeJsonValue } from '../core/json-encoding';
import type { SkewReport } from '../core/report';
import { createFileReporter } from './file-reporter';
import type { Reporter } from './reporter';

/** Serialises a report as JSON (non-finite numbers and −0 encoded losslessly, see `encodeJsonValue`). */
export function serializeReport(report: SkewReport): string {
  return `${JSON.stringify(encodeJsonValue(report), null, 2)}\n`;
}

/** The JSON reporter: writes the versioned report to `file` atomically when the run ends. */
export function createJsonReporter(options: { file: string }): Reporter {
  return createFileReporter('json', options.file, serializeReport);
}
