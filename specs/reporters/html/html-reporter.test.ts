import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createHtmlReporter, renderHtmlReport } from '../../../harness/reporters/html';
import { createFixtureReport } from '../../../scripts/html-check/fixture-report';

describe('createHtmlReporter', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'skew-html-reporter-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the rendered page when the run ends, creating the directory and leaving no temp file', async () => {
    const file = path.join(dir, 'nested', 'skew-report.html');
    const report = createFixtureReport();
    const reporter = createHtmlReporter({ file });
    expect(reporter.name).toBe('html');
    await reporter.onEnd?.(report);
    expect(await readFile(file, 'utf8')).toBe(renderHtmlReport(report));
    expect(await readdir(path.dirname(file))).toEqual(['skew-report.html']);
  });
});
