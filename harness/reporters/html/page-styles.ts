/**
 * The page's style sheet, inlined (the page makes no requests: no web fonts, system stacks only). Calm neutrals,
 * one colour per status, tabular figures in tables; `@media print` drops the interactive bits and keeps cards,
 * charts and table rows from splitting across pages. A constant: no report data is ever put in it.
 */
export const PAGE_STYLES = `
:root {
  color-scheme: light;
  --text: #1f2328; --muted: #59636e; --faint: #818b98; --line: #d1d9e0; --line-soft: #e8ecf0;
  --bg: #f6f8fa; --panel: #ffffff; --code-bg: #f0f3f6; --accent: #0969da;
  --clean: #1a7f37; --clean-bg: #e9f6ec; --skew: #c62828; --skew-bg: #fdecec;
  --failed: #b24a00; --failed-bg: #fdf0e6; --inconclusive: #8a6100; --inconclusive-bg: #fcf5de;
  --interrupted: #57606a; --interrupted-bg: #eef1f4; --skipped: #6e7781;
  --mark: #fff0a6; --bar: #4a78b5;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; color: var(--text); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 0; }
h2 { font-size: 20px; font-weight: 600; }
h4 { font-size: 17px; font-weight: 600; font-family: var(--mono); }
h5 { font-size: 13px; font-weight: 600; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
h5 .muted { text-transform: none; letter-spacing: 0; font-weight: 400; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre, .key, .path, .val, .field { font-family: var(--mono); font-size: 13px; }
.muted { color: var(--muted); font-weight: 400; }
.small { font-size: 13px; }
.warn { color: var(--failed); }
section { margin-top: 32px; }
.page-head { display: flex; justify-content: space-between; align-items: baseline; color: var(--muted); font-size: 13px; margin-bottom: 10px; }
.page-head strong { color: var(--text); }

/* Verdict */
.verdict { border-radius: 10px; padding: 20px 24px; border: 1px solid var(--line); border-left: 8px solid var(--status); background: var(--status-bg); }
.verdict-clean { --status: var(--clean); --status-bg: var(--clean-bg); }
.verdict-skew { --status: var(--skew); --status-bg: var(--skew-bg); }
.verdict-failed { --status: var(--failed); --status-bg: var(--failed-bg); }
.verdict-inconclusive { --status: var(--inconclusive); --status-bg: var(--inconclusive-bg); }
.verdict-interrupted { --status: var(--interrupted); --status-bg: var(--interrupted-bg); }
.verdict-top { display: flex; justify-content: space-between; align-items: center; margin-bottom: 8px; }
.verdict-status { background: var(--status); color: #fff; font-weight: 700; font-size: 13px; letter-spacing: .08em; text-transform: uppercase; padding: 4px 12px; border-radius: 999px; }
.exit-code { color: var(--muted); font-size: 13px; }
.exit-code strong { font-family: var(--mono); color: var(--text); font-size: 15px; }
.verdict-meaning { font-size: 22px; font-weight: 600; }
.verdict-summary { margin: 8px 0 0; font-size: 15px; overflow-wrap: anywhere; }
.reasons { margin: 12px 0 0; padding-left: 20px; font-size: 14px; }
.reasons li { margin: 2px 0; }
.more-reasons summary { cursor: pointer; color: var(--muted); font-size: 14px; margin-top: 6px; }

/* Accounting tiles */
.accounting { margin-top: 16px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 10px; }
.tile { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.tile-value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.tile-label { color: var(--muted); font-size: 13px; }
.tile.warn { border-color: #f0c8a8; background: var(--failed-bg); }
.tile.warn .tile-value { color: var(--failed); }

/* Checks overview */
.overview { list-style: none; padding: 0; margin: 12px 0 0; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.overview li { display: grid; grid-template-columns: 190px 110px 1fr; gap: 12px; align-items: baseline; padding: 8px 14px; border-top: 1px solid var(--line-soft); }
.overview li:first-child { border-top: 0; }
.overview .name { font-family: var(--mono); font-size: 14px; font-weight: 600; }

/* Badges and chips */
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 10px; border-radius: 999px; border: 1px solid currentColor; text-transform: uppercase; letter-spacing: .05em; }
.status-passed .badge, .badge.status-passed { color: var(--clean); background: var(--clean-bg); }
.badge.status-failed { color: var(--skew); background: var(--skew-bg); }
.badge.status-skipped { color: var(--skipped); background: var(--interrupted-bg); }
.badge.status-inconclusive { color: var(--inconclusive); background: var(--inconclusive-bg); }
.badge.status-error { color: var(--skew); background: var(--skew-bg); }
.chip { display: inline-block; font-size: 12px; padding: 0 7px; border-radius: 4px; background: var(--code-bg); color: var(--muted); white-space: nowrap; margin: 1px 0; }
.chip.kind-value { background: #fdecec; color: #9f1c1c; }
.chip.kind-type { background: #f3e8fd; color: #6b2fa3; }
.chip.kind-missing_online, .chip.kind-missing_offline { background: #fdf0e6; color: #8f3b00; }
.chip.kind-error { background: #eef1f4; color: #3d444d; }
.chip.noise { background: #e6f0fb; color: #0b4f9c; }
.chip.hint-kind { background: #e8f3ec; color: #14632b; font-weight: 600; }

/* Check sections */
.check { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px; }
.check-head { display: flex; gap: 12px; align-items: center; }
.check-head h2 { font-family: var(--mono); font-size: 19px; }
.check-summary { margin: 8px 0 2px; }
.check-rows { margin: 0 0 12px; color: var(--muted); font-size: 14px; }
.check.status-skipped { background: transparent; border-style: dashed; padding: 14px 24px; }

/* Tables */
.table-wrap { overflow-x: auto; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
th { text-align: left; font-size: 13px; font-weight: 600; color: var(--muted); padding: 6px 8px; border-bottom: 2px solid var(--line); white-space: nowrap; }
td { padding: 6px 8px; border-bottom: 1px solid var(--line-soft); vertical-align: top; }
td.hint-cell { min-width: 8em; }
td.field { min-width: 15ch; }
tbody tr:last-child td { border-bottom: 0; }
.num { text-align: right; white-space: nowrap; }
tr.failed td.field, tr.failed td.field a { color: var(--skew); font-weight: 600; }
tr.passed td { color: var(--muted); }
tr.passed td.field { color: var(--text); }
div.rate { display: flex; gap: 8px; align-items: center; justify-content: flex-end; }
div.rate svg { flex: none; }
td.kinds { min-width: 9em; }
td.kinds .chip { margin-right: 3px; }
td.ci { color: var(--muted); }
td.hint-cell span { border-bottom: 1px dotted var(--faint); }
td.val { max-width: 38ch; overflow-wrap: anywhere; }
td.key { white-space: nowrap; max-width: 24ch; overflow: hidden; text-overflow: ellipsis; }
td.message { overflow-wrap: anywhere; }
td.values { font-size: 13px; }
.cat { display: inline-block; font-family: var(--mono); font-size: 12px; background: var(--code-bg); border-radius: 4px; padding: 0 6px; margin: 1px 4px 1px 0; white-space: pre; }
.level-moderate { background: var(--inconclusive-bg); }
.level-large { background: var(--skew-bg); color: var(--skew); font-weight: 600; }
.js th.sort-header { cursor: pointer; user-select: none; }
.js th.sort-header:hover { color: var(--text); }
.js th.sort-header::after { content: "↕"; margin-left: 4px; opacity: .35; }
.js th.sort-header[aria-sort="ascending"]::after { content: "▲"; opacity: .8; }
.js th.sort-header[aria-sort="descending"]::after { content: "▼"; opacity: .8; }
.ratebar .track { fill: var(--line-soft); }
.ratebar .fill { fill: var(--faint); }
.ratebar.failed .fill { fill: var(--skew); }
.ratebar .ci { stroke: var(--text); stroke-width: 1.5; opacity: .55; }
.ratebar .budget { stroke: var(--clean); stroke-width: 2; }

/* Values */
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 1px; }
mark.gap { display: inline-block; width: 3px; height: 1em; vertical-align: middle; background: var(--skew); padding: 0; }
.absent { color: var(--faint); font-style: italic; }
.more { color: var(--faint); }

/* Field cards */
.warnings { border: 1px solid #f0c8a8; background: var(--failed-bg); border-radius: 8px; padding: 10px 16px; margin: 12px 0; }
.warnings ul { margin: 6px 0 0; padding-left: 20px; }
.warnings .detail { overflow-wrap: anywhere; }
table.probes tr.divergent td { background: var(--failed-bg); }
table.probes tr.divergent.failed td { background: var(--skew-bg); }
.card { border: 1px solid var(--line); border-left: 4px solid var(--skew); border-radius: 8px; padding: 16px 20px; margin: 18px 0 0; background: #fffdfd; }
.card-head { display: grid; grid-template-columns: 1fr auto; align-items: baseline; column-gap: 16px; }
.card-rate { font-size: 26px; font-weight: 700; color: var(--skew); font-variant-numeric: tabular-nums; grid-row: span 2; }
.facts { margin: 4px 0 0; color: var(--muted); font-size: 14px; }
.hints { list-style: none; padding: 0; margin: 14px 0 0; }
td.inputs { font-family: var(--mono); font-size: 12px; max-width: 60ch; }
td.inputs .input { display: inline-block; margin: 0 10px 2px 0; }
td.inputs .input-name { color: var(--muted); }
td.inputs .input.lead .input-name { color: inherit; font-weight: 600; }
td.inputs .changes { margin-bottom: 4px; }
.segment-splits { display: flex; flex-wrap: wrap; gap: 12px; }
.segment-table caption { text-align: left; font-weight: 600; padding: 4px 0; }
.hint { padding: 8px 12px; border-radius: 6px; background: #f4faf6; border: 1px solid #d3eadb; margin-top: 6px; }
.hint:not(.top) { background: transparent; border-color: var(--line-soft); }
.hint-message { font-weight: 500; }
.hint:not(.top) .hint-message { font-weight: 400; }
.hint-evidence { color: var(--muted); font-size: 13px; margin-top: 2px; }
.fit { float: right; font-variant-numeric: tabular-nums; }
.noise-note { font-size: 14px; margin: 12px 0 0; }
.impact-note { font-size: 14px; margin: 12px 0; }
.impact-note h5 { margin: 0 0 4px; }
.impact-note p, .impact-note ul { margin: 0; }
.impact-unavailable p { color: var(--failed); }
td.impact { min-width: 10em; }
.charts { display: flex; flex-wrap: wrap; gap: 12px 28px; margin-top: 14px; }
.chart { margin: 0; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart figcaption { color: var(--muted); font-size: 13px; margin-top: 2px; }
.chart .bar { fill: var(--bar); }
.chart .bar:hover { fill: #2d5a94; }
.chart .grid line { stroke: var(--line-soft); }
.chart .axis { stroke: var(--faint); }
.chart .zero { stroke: var(--text); stroke-dasharray: 3 3; opacity: .6; }
.chart .plot { fill: #fff; stroke: var(--line); }
.chart .identity { stroke: var(--text); stroke-dasharray: 5 4; opacity: .5; }
.chart .pt-on circle { fill: var(--faint); opacity: .45; }
.chart .pt-off circle { fill: var(--skew); opacity: .7; }
.chart text { font-size: 11px; fill: var(--muted); font-family: inherit; }
.chart .axis-label { font-size: 12px; fill: var(--text); }
.key-on, .key-off { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin: 0 4px 0 0; vertical-align: baseline; }
.key-on { background: var(--faint); margin-left: 10px; }
.key-off { background: var(--skew); }
.counterexample { margin-top: 14px; padding: 12px 14px; border-radius: 6px; background: #fbf7ff; border: 1px solid #e6dcf5; }
.counterexample h5 { margin-top: 0; }
.pair { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0 0; font-size: 14px; }
.pair dt { color: var(--muted); }
.pair dd { margin: 0; font-family: var(--mono); font-size: 13px; overflow-wrap: anywhere; }

/* Commands, metadata */
.command { margin: 12px 0 0; }
.command-label { display: block; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; margin-bottom: 3px; }
.command pre { margin: 0; padding: 10px 12px; background: var(--code-bg); border: 1px solid var(--line-soft); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; user-select: all; }
.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 4px 18px; margin: 12px 0 0; font-size: 14px; }
.meta dt.wide + dd { grid-column: span 3; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.run-info, .distribution, .profile { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px; }
details summary { cursor: pointer; }
details.fixed, details.bad-rows { margin-top: 12px; font-size: 14px; }
footer { margin-top: 32px; color: var(--faint); font-size: 12px; text-align: center; }

@media (max-width: 760px) {
  main { padding: 16px; }
  .overview li { grid-template-columns: 1fr auto; }
  .meta { grid-template-columns: max-content 1fr; }
  .meta dt.wide + dd { grid-column: auto; }
  .overview li .summary { grid-column: 1 / -1; }
}
@media print {
  html, body { background: #fff; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .card, .chart, .tile, .counterexample, .hint, tr, .verdict, .command, .overview li { break-inside: avoid; }
  h2, h4, h5, .check-head, .card-head { break-after: avoid; }
  .check, .run-info, .distribution, .profile { border: 0; padding: 0; }
  .table-wrap { overflow: visible; }
  /* An A4 page is ~720 CSS px wide: tighter tables, the rate bar left to the screen (the rate is printed). */
  table { font-size: 8.5pt; }
  th, td { padding: 3px 5px; }
  th { font-size: 8pt; }
  code, pre, .key, .path, .val, .field { font-size: 8.5pt; }
  .ratebar { display: none; }
  td.field { min-width: 0; }
  td.kinds { min-width: 0; }
  .tiles { grid-template-columns: repeat(auto-fit, minmax(80px, 1fr)); gap: 6px; }
  .tile { padding: 6px 8px; }
  .tile-value { font-size: 14pt; }
  .js th.sort-header::after { content: none; }
  a { color: inherit; }
  .chart .bar:hover { fill: var(--bar); }
  /* Paper cannot be clicked open: print folded details (more reasons, fixed failures, bad rows) open. */
  details::details-content { content-visibility: visible; display: contents; }
  details > summary { list-style: none; font-weight: 600; }
}
`;
