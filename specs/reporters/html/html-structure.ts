/**
 * A small tokenizer for the report page, enough to check its structure without a DOM: tags with their attribute
 * names and values, raw text of `<script>`/`<style>` skipped, comments and the doctype ignored. Because report data
 * is escaped, every literal `<` in the page starts real markup, so this sees exactly what a browser would.
 */

/** One tag. */
export interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: Array<{ name: string; value: string }>;
}

const VOID = new Set(['meta', 'br', 'wbr', 'img', 'input', 'link', 'hr', 'col', 'area', 'base', 'source', 'embed', 'track']);

/** The page's tags in order. Throws on a `<` that starts no tag (which would mean unescaped data). */
export function parseTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) >= 0) {
    if (html.startsWith('<!--', i)) {
      i = html.indexOf('-->', i) + 3;
      continue;
    }
    if (/^<!doctype/i.test(html.slice(i, i + 9))) {
      i = html.indexOf('>', i) + 1;
      continue;
    }
    const match = /^<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>/.exec(html.slice(i));
    if (!match) throw new Error(`stray "<" at ${i}: ${JSON.stringify(html.slice(i, i + 40))}`);
    const [whole, slash, name, rawAttributes, selfClosing] = match;
    const attributes = [...rawAttributes!.matchAll(/\s+([^\s"'>/=]+)(?:="([^"]*)")?/g)].map((a) => ({ name: a[1]!, value: a[2] ?? '' }));
    const tag: Tag = { name: name!.toLowerCase(), closing: slash === '/', selfClosing: selfClosing === '/', attributes };
    tags.push(tag);
    i += whole.length;
    if (!tag.closing && (tag.name === 'script' || tag.name === 'style')) {
      const end = html.indexOf(`</${tag.name}>`, i);
      if (end < 0) throw new Error(`unclosed <${tag.name}>`);
      i = end;
    }
  }
  return tags;
}

/** Problems with nesting: closing tags that match no open tag, and tags left open. Empty when balanced. */
export function nestingProblems(tags: readonly Tag[]): string[] {
  const open: string[] = [];
  const problems: string[] = [];
  for (const tag of tags) {
    if (tag.selfClosing || VOID.has(tag.name)) continue;
    if (!tag.closing) {
      open.push(tag.name);
      continue;
    }
    const top = open.pop();
    if (top !== tag.name) problems.push(`</${tag.name}> closes <${top ?? 'nothing'}>`);
  }
  return [...problems, ...open.map((name) => `<${name}> never closed`)];
}
