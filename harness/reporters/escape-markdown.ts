/**
 * Text safe inside a Markdown table cell: pipes escaped, line breaks flattened, HTML neutralised — outside code
 * spans. Inside a code span (a hint's `` `<=` vs `<` ``) Markdown shows `<` as it is, and `&lt;` would show
 * literally; only pipes are escaped there (a GFM table needs `\|` even in code).
 */
export function markdownCell(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  let out = '';
  let i = 0;
  while (i < flat.length) {
    const open = flat.indexOf('`', i);
    if (open === -1) break;
    const fence = /^`+/.exec(flat.slice(open))![0];
    const close = findClosingFence(flat, open + fence.length, fence.length);
    if (close === -1) {
      // An unmatched run of backticks opens no code span: it is text like any other.
      out += escapeText(flat.slice(i, open + fence.length));
      i = open + fence.length;
      continue;
    }
    out += escapeText(flat.slice(i, open)) + fence + flat.slice(open + fence.length, close).replace(/\|/g, '\\|') + fence;
    i = close + fence.length;
  }
  return out + escapeText(flat.slice(i));
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Start of the next run of exactly `length` backticks at or after `from` (CommonMark's closing fence), or −1. */
function findClosingFence(text: string, from: number, length: number): number {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let m = runs.exec(text); m; m = runs.exec(text)) if (m[0].length === length) return m.index;
  return -1;
}

/** Text as inline code, whatever backticks it holds (CommonMark: a longer fence than any run inside). */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** {@link markdownCode} for a table cell: pipes inside the span escaped too (a composite key `S020|SKU-1` is one cell). */
export function markdownCodeCell(text: string): string {
  return markdownCell(markdownCode(text));
}
