/**
 * Text safe in XML content and attribute values: the five special characters escaped, and characters XML 1.0
 * cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF) replaced with U+FFFD, so a row holding
 * them still yields a file every CI system can parse.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
