/** The HTML report: a pure renderer and the reporter that writes its page. */
export type { HtmlReporterOptions } from './html-reporter';
export { createHtmlReporter } from './html-reporter';
export { renderHtmlReport } from './render-html-report';
