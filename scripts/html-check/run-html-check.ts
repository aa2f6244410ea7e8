import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { collectPageFacts, findSortTarget, readColumn } from './browser-probe';
import { countStartTags } from './count-start-tags';

/** Debian's Chromium, where this machine has it (CI does not: callers check it exists first). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium flags: headless, no sandbox (containers), and nothing that phones home on its own (component updates,
 * sync, background networking, QUIC probes), so any request seen comes from the page.
 */
export const CHROMIUM_ARGS: readonly string[] = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Options of {@link runHtmlCheck}. */
export interface HtmlCheckOptions {
  /** The page to check. */
  html: string;
  /** Where to save a full-page PNG screenshot (directories are created); none when omitted. */
  screenshot?: string;
  /** Chromium binary. Default {@link DEFAULT_CHROMIUM}. */
  executablePath?: string;
  /** Viewport; default 1280 × 900 (a laptop). */
  viewport?: { width: number; height: number };
}

/** One named check and how it went. */
export interface CheckOutcome {
  /** What was checked, as a sentence. */
  name: string;
  /** Whether it held. */
  ok: boolean;
  /** What was seen. */
  detail: string;
}

/** All outcomes; `ok` when every one held. */
export interface HtmlCheckResult {
  ok: boolean;
  outcomes: CheckOutcome[];
  /** Where the screenshot was saved, or null. */
  screenshot: string | null;
}

/**
 * Opens a report page in a real headless Chromium with a fresh profile and checks what a reader depends on: no
 * network request of any kind (only the `file:` page itself and `data:` URLs), no dialog (an `alert` injected
 * through the data would open one), no console error (CSP violations included), markup parsed as written (as
 * many elements as start tags: nothing repaired by the parser), no script or event handler beyond the page's own
 * sort script, no sideways overflow on a laptop screen, a verdict, and tables that sort when a header is clicked
 * (numerically, both directions). Saves a full-page screenshot before sorting.
 *
 * Returns the outcomes as data and never throws for a failed check; it throws only when the browser cannot run.
 *
 * @example
 * const result = await runHtmlCheck({ html: renderHtmlReport(report), screenshot: 'reports/html-check.png' });
 * if (!result.ok) console.log(result.outcomes.filter((o) => !o.ok));
 */
export async function runHtmlCheck(options: HtmlCheckOptions): Promise<HtmlCheckResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'skew-html-check-'));
  const file = path.join(dir, 'report.html');
  await writeFile(file, options.html);
  const pageUrl = pathToFileURL(file).href;
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: options.executablePath ?? DEFAULT_CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: options.viewport ?? { width: 1280, height: 900 },
      timeout: 30_000,
    });
    return await checkPage(context, pageUrl, options.screenshot, countStartTags(options.html));
  } finally {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function checkPage(context: BrowserContext, pageUrl: string, screenshot: string | undefined, startTags: number): Promise<HtmlCheckResult> {
  const requests: string[] = [];
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const pages: string[] = [];
  // Listen on the context, not the page: a popup or a worker started by injected markup is a request too.
  context.on('request', (request) => requests.push(request.url()));
  context.on('page', (p) => pages.push(p.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));

  await page.goto(pageUrl, { waitUntil: 'load', timeout: 15_000 });
  const facts = await page.evaluate(collectPageFacts);

  let saved: string | null = null;
  if (screenshot) {
    await mkdir(path.dirname(path.resolve(screenshot)), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    saved = screenshot;
  }

  const sort = await checkSorting(page);
  // Give anything asynchronous a moment to show itself (a late fetch, a timer-driven alert).
  await page.waitForTimeout(200);

  const outside = requests.filter((url) => url !== pageUrl && !url.startsWith('data:'));
  const outcomes: CheckOutcome[] = [
    { name: 'no network request', ok: outside.length === 0, detail: outside.length === 0 ? `${requests.length} request(s), all the page itself or data: URLs` : `requested: ${outside.slice(0, 5).join(', ')}` },
    { name: 'no dialog opened', ok: dialogs.length === 0, detail: dialogs.length === 0 ? 'none' : dialogs.join('; ') },
    { name: 'no console errors', ok: consoleErrors.length === 0, detail: consoleErrors.length === 0 ? 'none' : consoleErrors.slice(0, 5).join('; ') },
    { name: 'no extra page opened', ok: pages.length === 0, detail: pages.length === 0 ? 'none' : pages.join(', ') },
    { name: 'only the page’s own script', ok: facts.scripts === 1 && facts.handlerAttributes.length === 0, detail: `${facts.scripts} <script> element(s), ${facts.handlerAttributes.length} event handler attribute(s)${facts.handlerAttributes.length > 0 ? `: ${facts.handlerAttributes.slice(0, 5).join(', ')}` : ''}` },
    { name: 'nothing that loads content', ok: facts.loaders.length === 0, detail: facts.loaders.length === 0 ? 'no img, iframe, object, embed, link, form or media element' : facts.loaders.slice(0, 3).join(' ') },
    { name: 'markup parsed as written', ok: facts.elements === startTags, detail: `${facts.elements} elements for ${startTags} start tags in the source` },
    { name: 'verdict shown', ok: facts.verdict !== '', detail: facts.verdict === '' ? 'no .verdict-summary' : facts.verdict.slice(0, 100) },
    { name: 'no sideways overflow at the viewport width', ok: facts.overflowPx === 0, detail: facts.overflowPx === 0 ? 'page fits' : `${facts.overflowPx}px wider than the viewport` },
    sort,
  ];
  return { ok: outcomes.every((o) => o.ok), outcomes, screenshot: saved };
}

/** Clicks a numeric column's header twice and checks the rows come out sorted one way, then the other. */
async function checkSorting(page: import('playwright-core').Page): Promise<CheckOutcome> {
  const name = 'clicking a header sorts the table';
  const target = await page.evaluate(findSortTarget);
  if (!target) return { name, ok: false, detail: 'no sortable table with a numeric column of distinct values' };
  const header = page.locator('table.sortable').nth(target.table).locator('thead tr').first().locator('th').nth(target.column);
  const directions: string[] = [];
  for (let click = 0; click < 2; click++) {
    await header.click();
    const { keys, direction } = await page.evaluate(readColumn, target);
    const sorted = keys.every((k, i) => i === 0 || (direction === 'ascending' ? keys[i - 1]! <= k : keys[i - 1]! >= k));
    if (!sorted || direction === null) return { name, ok: false, detail: `"${target.header}" after click ${click + 1}: ${direction ?? 'no aria-sort'}, keys ${keys.slice(0, 8).join(', ')}` };
    directions.push(direction);
  }
  if (directions[0] === directions[1]) return { name, ok: false, detail: `"${target.header}": a second click did not reverse the order` };
  return { name, ok: true, detail: `"${target.header}" sorted ${directions.join(', then ')}` };
}
