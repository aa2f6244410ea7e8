/**
 * Checks the HTML report in a real headless Chromium: renders a report (the built-in fixture, or a JSON report
 * given as a path) and runs `runHtmlCheck` on it — no network request, no dialog, no console error, tables sort —
 * saving a full-page screenshot. Prints each check; exits 1 if any failed, 2 on bad usage or when the browser
 * cannot run.
 *
 *   npm run build && node dist/scripts/check-html.js [report.json] [--screenshot reports/html-check.png]
 *
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { existsSync } from 'node:fs';
import { renderHtmlReport } from '../harness/reporters/html';
import type { SkewReport } from '../harness/core/report';
import { createFixtureReport } from './html-check/fixture-report';
import { readReport } from '../harness/reporters/read-report';
import { DEFAULT_CHROMIUM, runHtmlCheck } from './html-check/run-html-check';

const USAGE = 'usage: node dist/scripts/check-html.js [report.json] [--screenshot file.png]';

interface Arguments {
  report: string | null;
  screenshot: string;
}

function parseArguments(argv: readonly string[]): Arguments {
  const args: Arguments = { report: null, screenshot: 'reports/html-check.png' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--screenshot') {
      const value = argv[++i];
      if (!value) throw new Error(`--screenshot needs a file\n${USAGE}`);
      args.screenshot = value;
    } else if (arg.startsWith('--screenshot=')) {
      args.screenshot = arg.slice('--screenshot='.length);
    } else if (arg === '--help' || arg === '-h') {
      throw new Error(USAGE);
    } else if (arg.startsWith('-') || args.report !== null) {
      throw new Error(`unexpected argument: ${arg}\n${USAGE}`);
    } else {
      args.report = arg;
    }
  }
  return args;
}

async function checkHtml(argv: readonly string[]): Promise<number> {
  let args: Arguments;
  let report: SkewReport;
  try {
    args = parseArguments(argv);
    report = args.report === null ? createFixtureReport() : await readReport(args.report);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const executablePath = process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    process.stderr.write(`Chromium not found: ${executablePath} (set CHROMIUM_PATH)\n`);
    return 2;
  }
  const html = renderHtmlReport(report);
  process.stdout.write(`Checking the HTML report of ${args.report ?? 'the built-in fixture'} (${Math.round(html.length / 1024)} KiB) in ${executablePath}\n`);
  const result = await runHtmlCheck({ html, screenshot: args.screenshot, executablePath });
  for (const o of result.outcomes) process.stdout.write(`  ${o.ok ? '✓' : '✗'} ${o.name}: ${o.detail}\n`);
  if (result.screenshot) process.stdout.write(`Screenshot: ${result.screenshot}\n`);
  process.stdout.write(result.ok ? 'HTML report: ok\n' : 'HTML report: FAILED\n');
  return result.ok ? 0 : 1;
}

checkHtml(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`check-html could not run the browser: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
