import fc from 'fast-check';
import type { SkewReport } from '../../../harness/core/report';
import { renderHtmlReport } from '../../../harness/reporters/html';
import { escapeHtml } from '../../../harness/reporters/html/escape-html';
import { createFixtureReport, HOSTILE_SCRIPT } from '../../../scripts/html-check/fixture-report';
import { nestingProblems, parseTags, type Tag } from './html-structure';

const report = createFixtureReport();
const page = renderHtmlReport(report);
const tags = parseTags(page);

/** Every tag and attribute the renderer emits; anything else on a page came from data that escaped escaping. */
const KNOWN_TAGS = new Set(
  'html head meta title style body main header section article div span p h1 h2 h4 h5 ul li a table thead tbody tr th td details summary dl dt dd code pre mark strong br wbr figure figcaption svg g rect line circle text footer script'.split(' '),
);
const KNOWN_ATTRIBUTES = new Set(
  'lang charset http-equiv content name class id href title data-sort viewBox width height role aria-label x y x1 x2 y1 y2 cx cy r rx text-anchor transform'.split(' '),
);

/** Tags or attributes that the renderer never writes. */
function strangers(list: readonly Tag[]): string[] {
  return list.flatMap((t) => [...(KNOWN_TAGS.has(t.name) ? [] : [`<${t.name}>`]), ...t.attributes.filter((a) => !KNOWN_ATTRIBUTES.has(a.name)).map((a) => `<${t.name} ${a.name}>`)]);
}

function withoutAnalysis(r: SkewReport): SkewReport {
  return { ...r, checks: r.checks.map((c) => ({ ...c, fields: c.fields.map(({ analysis: _analysis, ...f }) => f) })) };
}

describe('renderHtmlReport', () => {
  it('leads with the verdict: status, summary without its prefix, exit code', () => {
    expect(report.verdict.status).toBe('skew');
    const verdictAt = page.indexOf('class="verdict verdict-skew"');
    expect(verdictAt).toBeGreaterThan(0);
    expect(verdictAt).toBeLessThan(page.indexOf('class="accounting"'));
    expect(page).toContain(escapeHtml(report.verdict.summary.replace(/^SKEW: /, '')));
    expect(page).toMatch(/exit code <strong>1<\/strong>/);
  });

  it('names every failing field of every check, with a card for each', () => {
    const failing = report.checks.flatMap((c) => c.fields.filter((f) => f.status === 'failed').map((f) => (f.side ? `${f.side} ${f.field}` : f.field)));
    expect(failing.length).toBeGreaterThan(8);
    const cards = tags.filter((t) => t.name === 'article' && !t.closing).length;
    expect(cards).toBe(failing.length);
    for (const name of failing) expect(page.replace(/<wbr>/g, '')).toContain(escapeHtml(name));
  });

  it('shows hostile values only escaped, as text', () => {
    expect(page).not.toContain(HOSTILE_SCRIPT);
    expect(page).toContain(escapeHtml(HOSTILE_SCRIPT));
    expect(page).not.toContain('<img');
    expect(page).not.toContain(']]>');
    expect(page).not.toMatch(/[\u2028\u2029]/);
    // One <script> (the sort script) and one </style> (closing the style sheet): data adds neither.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(strangers(tags)).toEqual([]);
    expect(tags.flatMap((t) => t.attributes).filter((a) => /^on/i.test(a.name))).toEqual([]);
  });

  it('keeps every datum escaped whatever the strings in the report', () => {
    const hostile = fc.stringMatching(/^.{0,40}$/s).chain((s) =>
      fc.constantFrom(s, `${s}</script><script>alert(1)</script>`, `"'><svg onload=alert(1)>${s}`, `</style>]]>\u2028${s}`, `&lt;${s}&#x3C;`),
    );
    fc.assert(
      fc.property(hostile, hostile, hostile, (a, b, c) => {
        const r = createFixtureReport();
        const parity = r.checks[1]!;
        const field = parity.fields[0]!;
        field.field = a;
        field.examples[0] = { ...field.examples[0]!, key: b, offline: c, online: `${c} ` };
        field.analysis!.hints[0]!.message = b;
        parity.summary = c;
        parity.name = a;
        r.verdict.summary = b;
        r.run.configFile = c;
        r.profile.columns[1]!.strings!.vocabulary![0]!.value = a;
        const t = parseTags(renderHtmlReport(r));
        expect(strangers(t)).toEqual([]);
        expect(t.filter((x) => x.name === 'script')).toHaveLength(2);
      }),
      { numRuns: 40 },
    );
  });

  it('references no http(s) URL from any src, href or url(), and sets a CSP that forbids the network', () => {
    const urls = tags.flatMap((t) => t.attributes.filter((a) => ['src', 'href', 'xlink:href', 'action', 'style'].includes(a.name)).map((a) => a.value));
    expect(urls.filter((u) => /^\s*(https?:)?\/\//i.test(u) || /url\(/i.test(u))).toEqual([]);
    expect(urls.every((u) => u.startsWith('#'))).toBe(true);
    const style = page.slice(page.indexOf('<style>'), page.indexOf('</style>'));
    expect(style).not.toMatch(/url\(|@import|https?:/i);
    const csp = tags.find((t) => t.name === 'meta' && t.attributes.some((a) => a.value === 'Content-Security-Policy'));
    expect(csp?.attributes.find((a) => a.name === 'content')?.value).toBe("default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; script-src &#39;unsafe-inline&#39;; img-src data:");
    // The CSP must come before anything it governs.
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
  });

  it('parses: tags are balanced and ids are unique', () => {
    expect(nestingProblems(tags)).toEqual([]);
    const ids = tags.flatMap((t) => t.attributes.filter((a) => a.name === 'id').map((a) => a.value));
    expect(new Set(ids).size).toBe(ids.length);
    for (const href of tags.flatMap((t) => t.attributes.filter((a) => a.name === 'href').map((a) => a.value.slice(1)))) expect(ids).toContain(href);
  });

  it('keeps the sort script free of data and unable to close its own element early', () => {
    const script = page.slice(page.indexOf('<script>') + 8, page.indexOf('</script>'));
    expect(script).not.toContain('</');
    expect(renderHtmlReport(createFixtureReport())).toBe(page);
  });

  it('renders check details: same-side labels, skipped reasons, counterexamples, non-finite values, row errors', () => {
    expect(page).toContain('<th>in batch</th><th>alone</th>');
    expect(page).toContain('Skipped:</span> the offline side reads precomputed columns');
    for (const x of report.checks.flatMap((c) => c.counterexamples ?? [])) expect(page).toContain(escapeHtml(x.reproduce));
    expect(page).toContain('>NaN</mark>');
    expect(page).toContain('>Infinity</mark>');
    expect(page).toContain('HTTP 503 from POST');
    expect(page).toContain('--keys C000002');
    expect(page).toContain('first difference at [412]');
  });

  it('draws charts from field analysis and leaves them out, without error, when there is none', () => {
    expect(page.match(/<figure class="chart">/g)?.length).toBeGreaterThanOrEqual(6);
    expect(page).toContain('class="identity"');
    expect(page).toContain('grows with row age');
    const bare = renderHtmlReport(withoutAnalysis(report));
    expect(bare).not.toContain('<figure class="chart">');
    expect(bare).toContain('no distribution statistics');
    expect(nestingProblems(parseTags(bare))).toEqual([]);
  });

  it('reads as clean when nothing differs', () => {
    const clean: SkewReport = { ...report, checks: [report.checks[0]!], verdict: { status: 'clean', exitCode: 0, reasons: [], summary: 'CLEAN: offline and serving features agree on every compared field' } };
    const html = renderHtmlReport(clean);
    expect(html).toContain('class="verdict verdict-clean"');
    expect(html).toContain('exit code <strong>0</strong>');
    expect(html).not.toContain('<article');
  });
});
