import { createFileReporter } from '../file-reporter';
import type { Reporter } from '../reporter';
import { renderHtmlReport } from './render-html-report';

/** Options of {@link createHtmlReporter}. */
export interface HtmlReporterOptions {
  /** Where the page is written, e.g. `reports/skew-report.html`. */
  file: string;
}

/**
 * The HTML reporter: renders the report as a self-contained page when the run ends and writes it atomically (a
 * reader never sees half a page; a failed write leaves the previous one).
 *
 * @example createHtmlReporter({ file: 'reports/skew-report.html' })
 */
export function createHtmlReporter(options: HtmlReporterOptions): Reporter {
  return createFileReporter('html', options.file, renderHtmlReport);
}
