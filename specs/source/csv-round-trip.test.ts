import fc from 'fast-check';

import { readSample } from '../../harness/source';
import { createTempDir, csvSource, sampling, type TempDir } from './source-fixtures';

let dir: TempDir;
beforeAll(() => {
  dir = createTempDir();
});
afterAll(() => dir.remove());

/** Characters CSV must take care of, mixed with any Unicode text. */
const cellText = fc.string({
  unit: fc.oneof(fc.constantFrom(',', ';', '\t', '|', '"', '\n', '\r', ' ', "'"), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  maxLength: 12,
});

/**
 * A table of at least two columns (a one-column row of one empty cell would be a blank line) with unique names
 * that name something (a blank column name is an error of its own).
 */
const table = fc.integer({ min: 2, max: 5 }).chain((width) =>
  fc.record({
    header: fc.uniqueArray(cellText.filter((name) => name.trim() !== ''), { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 }),
    // For each cell: quote it even when it need not be.
    quoteAlways: fc.array(fc.boolean(), { minLength: 1, maxLength: 80 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    trailingNewline: fc.boolean(),
    blankLinesBefore: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 13 }),
  }),
);

let files = 0;

describe('CSV round trip (property)', () => {
  it('reading a table written as CSV with any quoting gives back the same cells and the lines where records start', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        let cellIndex = 0;
        const encode = (cell: string): string => {
          const mustQuote = cell.includes(t.delimiter) || /["\r\n]/.test(cell);
          const quote = mustQuote || t.quoteAlways[cellIndex++ % t.quoteAlways.length]!;
          return quote ? `"${cell.replace(/"/g, '""')}"` : cell;
        };
        const records = [t.header, ...t.rows];
        let text = t.bom ? '\uFEFF' : '';
        const startLines: number[] = [];
        let line = 1;
        records.forEach((record, r) => {
          const blanks = t.blankLinesBefore[r % t.blankLinesBefore.length]!;
          text += t.newline.repeat(blanks);
          line += blanks;
          startLines.push(line);
          const encoded = record.map(encode).join(t.delimiter);
          text += encoded;
          line += (encoded.match(/\n/g) ?? []).length;
          if (r < records.length - 1 || t.trailingNewline) text += t.newline;
          line += 1;
        });

        const file = dir.write(`round${(files += 1)}.csv`, text);
        const types = Object.fromEntries(t.header.map((name) => [name, 'string' as const]));
        const result = await readSample(csvSource(file, { delimiter: t.delimiter, nullValues: [], types }), sampling());

        expect(result.columns.map((c) => c.name)).toEqual(t.header);
        expect(result.rows.map((row) => t.header.map((name) => row.values[name]))).toEqual(t.rows);
        expect(result.rows.map((row) => row.line)).toEqual(startLines.slice(1));
        expect(result.rows.map((row) => row.key)).toEqual(t.rows.map((_, i) => String(i + 1)));
      }),
      { numRuns: 150 },
    );
  });
});
