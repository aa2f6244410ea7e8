import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderHtmlReport } from '../../../harness/reporters/html';
import { createFixtureReport } from '../../../scripts/html-check/fixture-report';
import { DEFAULT_CHROMIUM, runHtmlCheck, type HtmlCheckResult } from '../../../scripts/html-check/run-html-check';

// CI has no Chromium (Debian's /usr/bin/chromium exists on development machines only): skip visibly there.
const hasChromium = existsSync(DEFAULT_CHROMIUM);
const chromiumTest = hasChromium ? test : test.skip;
const name = (what: string) => (hasChromium ? what : `${what} (skipped: Chromium is not installed at ${DEFAULT_CHROMIUM})`);

const failed = (result: HtmlCheckResult) => result.outcomes.filter((o) => !o.ok).map((o) => `${o.name}: ${o.detail}`);

describe('the HTML report in headless Chromium', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'skew-chromium-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  chromiumTest(
    name('makes no request, opens no dialog, logs no error, parses as written and sorts on a header click'),
    async () => {
      const screenshot = path.join(dir, 'report.png');
      const result = await runHtmlCheck({ html: renderHtmlReport(createFixtureReport()), screenshot });
      expect(failed(result)).toEqual([]);
      expect(result.outcomes.map((o) => o.name)).toEqual(
        expect.arrayContaining(['no network request', 'no dialog opened', 'no console errors', 'clicking a header sorts the table']),
      );
      expect((await stat(screenshot)).size).toBeGreaterThan(10_000);
    },
    60_000,
  );

  // The check itself must have teeth: a page with the very injections the escaping prevents has to fail it.
  chromiumTest(
    name('fails a page with an injected script and handler, an external image, misnested markup and no sort script'),
    async () => {
      const html = `<!DOCTYPE html><html><head><title>x</title></head><body><h1 class="verdict-summary">x</h1>
<script>alert(1)</script><b onmouseover="alert(2)">b</b><img src="http://127.0.0.1:9/pixel.png"><p><div>block in p</div></p>
<table class="sortable"><thead><tr><th>n</th></tr></thead><tbody><tr><td data-sort="1">1</td></tr><tr><td data-sort="2">2</td></tr></tbody></table></body></html>`;
      const result = await runHtmlCheck({ html });
      expect(failed(result).map((f) => f.split(':')[0])).toEqual(
        expect.arrayContaining(['no network request', 'no dialog opened', 'only the page’s own script', 'nothing that loads content', 'markup parsed as written', 'clicking a header sorts the table']),
      );
    },
    60_000,
  );
});
