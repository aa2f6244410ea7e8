/**
 * Counts the start tags written in a page (doctype and comments aside, `<script>`/`<style>` contents skipped).
 * A browser that parsed the page as written has exactly this many elements; more or fewer means the parser
 * repaired something (an unclosed tag, a block inside a `<p>`, a stray `<` from unescaped data).
 */
export function countStartTags(html: string): number {
  let count = 0;
  let i = 0;
  while ((i = html.indexOf('<', i)) >= 0) {
    if (html.startsWith('<!--', i)) {
      i = html.indexOf('-->', i) + 3;
      continue;
    }
    const match = /^<([a-zA-Z][\w-]*)/.exec(html.slice(i, i + 32));
    i++;
    if (!match) continue;
    count++;
    const name = match[1]!.toLowerCase();
    if (name === 'script' || name === 'style') {
      const end = html.indexOf(`</${name}`, i);
      i = end < 0 ? html.length : end;
    }
  }
  return count;
}
