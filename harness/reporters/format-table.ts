/** Column alignment. */
export type Align = 'left' | 'right';

/**
 * Lays out rows as a plain-text table with two-space gutters. Cell widths ignore ANSI colour codes, so coloured
 * cells line up.
 */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[], indent = '  '): string[] {
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  const widths = header.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - visible(cell)));
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
