/** A CSV cell value; `null` is written as an empty cell. */
export type CsvValue = string | number | null;

/**
 * Formats rows as RFC 4180 CSV with a header row and LF line endings. Fields are quoted when they hold a comma,
 * a quote or a line break, and also when they start or end with whitespace: many readers trim unquoted
 * fields, and the padding in `plan` and `country` is data the pipelines must see.
 */
export function formatCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.map(formatCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => formatCell(row[column] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}

function formatCell(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
