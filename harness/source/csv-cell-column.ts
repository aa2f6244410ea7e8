const QUOTE = 0x22;

/**
 * The 1-based column (in characters; a character outside the BMP counts once) where cell `index` of a CSV record
 * starts in the record's text as written, quotes included: delimiters inside quoted fields are skipped over.
 * Undefined when the record has fewer cells. Only called for a bad row, so it favours clarity over speed.
 */
export function csvCellColumn(text: string, delimiter: string, index: number): number | undefined {
  if (index < 0) return undefined;
  let cell = 0;
  let column = 1;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; ) {
    if (cell === index) return column;
    const code = text.charCodeAt(i);
    if (code === QUOTE && quoted && text.charCodeAt(i + 1) === QUOTE) {
      // A doubled quote inside a quoted field: one quote of its text.
      i += 2;
      column += 2;
      continue;
    }
    if (code === QUOTE && (quoted || fieldStart)) {
      quoted = !quoted;
    } else if (!quoted && text.startsWith(delimiter, i)) {
      cell += 1;
      column += [...delimiter].length;
      i += delimiter.length;
      fieldStart = true;
      continue;
    }
    fieldStart = false;
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    i += wide ? 2 : 1;
    column += 1;
  }
  return cell === index ? column : undefined;
}
