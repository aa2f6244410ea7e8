/**
 * Characters that could end a text node, open a tag or an entity, or close a quoted attribute, and the line
 * separators that some tools (and older JavaScript parsers) treat as line ends. Escaping all of them in every
 * context means one function is safe for element text and for double- or single-quoted attribute values alike.
 */
const UNSAFE = /[&<>"'\u2028\u2029]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\u2028': '&#x2028;',
  '\u2029': '&#x2029;',
};

/**
 * Escapes text for HTML element content and quoted attribute values. After escaping, the text contains no `<`,
 * so it cannot open a tag, a comment or a CDATA section (`</style>`, `]]>` and `<script>` become inert), and no
 * quote, so it cannot leave an attribute.
 *
 * @example escapeHtml('<script>alert("x")</script>') // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(UNSAFE, (c) => ENTITIES[c] ?? c);
}
