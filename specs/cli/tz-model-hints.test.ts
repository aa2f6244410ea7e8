import { cpSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, TempRepo } from './cli-harness';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'tz-model');

interface ReportHint {
  kind: string;
  message: string;
}
interface ReportField {
  field: string;
  analysis?: { hints: ReportHint[] };
}

/**
 * A model repo with customers in six time zones and a serving DST bug (a table of standard offsets): the
 * report's hint names the time zone / daylight-saving cause per zone, and never the case-folding reading that
 * only coincides with "not UTC".
 */
describe('hints on the tz-model fixture (mixed time zones, serving ignores DST)', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = new TempRepo();
    cpSync(FIXTURE, repo.dir, { recursive: true });
  });
  afterAll(() => repo.remove());

  it('names DST per customer_tz for hour_local; no lower-case-letters hint anywhere', async () => {
    const result = await runCli(['run', '--checks', 'parity', '-n', '600'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(repo.path('reports/skew-report.json'), 'utf8')) as { checks: Array<{ name: string; fields: ReportField[] }> };
    const fields = report.checks.find((c) => c.name === 'parity')!.fields;
    const [top] = fields.find((f) => f.field === 'hour_local')!.analysis!.hints;
    expect(top?.kind).toBe('offset_by_segment');
    expect(top!.message).toMatch(/^the offset depends on customer_tz: /);
    for (const zone of ['Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney']) expect(top!.message).toMatch(new RegExp(`${zone} − 1 h from \\w{3} \\d+ to \\w{3} \\d+`));
    expect(top!.message).toMatch(/Asia\/Tokyo and UTC match: daylight saving time is handled differently per customer_tz/);
    const all = fields.flatMap((f) => f.analysis?.hints ?? []);
    expect(all.filter((h) => /lower-case|case folding/.test(h.message))).toEqual([]);
    expect(result.stdout).toContain('Hint: the offset depends on customer_tz');
  });
});
