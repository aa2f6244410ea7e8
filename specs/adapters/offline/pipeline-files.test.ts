import fc from 'fast-check';
import { fillFileArgs, formatInputFile, readOutputFile } from '../../../harness/adapters/offline/pipeline-files';

/** A string a CSV reader would not take for another type: not empty, no number, boolean, nan or inf. */
const plainText = fc.string({ minLength: 1 }).filter((s) => !/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s) && !/^(true|false|nan|inf|-inf|infinity|-infinity)$/i.test(s));
const cell = fc.oneof(plainText, fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)), fc.boolean(), fc.constant(null));

describe('files a pipeline reads and writes', () => {
  it('a batch written as CSV reads back as the same values (quotes, commas, line breaks, spaces kept)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: cell, 'b,c': cell, 'say "hi"': cell }), { minLength: 1, maxLength: 20 }), (rows) => {
        expect(readOutputFile(formatInputFile(rows, 'csv'), 'csv')).toEqual(rows);
      }),
    );
  });

  it('JSON Lines round-trips too, and columns some rows lack are empty cells in CSV', () => {
    const rows = [{ id: 'a', x: 1 }, { id: 'b', y: [1, 2] }];
    expect(readOutputFile(formatInputFile(rows, 'jsonl'), 'jsonl')).toEqual(rows);
    expect(formatInputFile(rows, 'csv')).toBe('id,x,y\r\na,1,\r\nb,,"[1,2]"\r\n');
    // A one-column row of null is not a blank line (which a reader would skip).
    expect(readOutputFile(formatInputFile([{ x: null }, { x: 2 }], 'csv'), 'csv')).toEqual([{ x: null }, { x: 2 }]);
  });

  it("reads what writers print: pandas' index column dropped, True/False, nan and inf, a BOM", () => {
    const text = '\ufeff,score,flag,ratio\n0,0.5,True,nan\n1,,False,inf\n';
    expect(readOutputFile(text, 'csv')).toEqual([
      { score: 0.5, flag: true, ratio: NaN },
      { score: null, flag: false, ratio: Infinity },
    ]);
    expect(() => readOutputFile('{"a":1}\nnot json\n', 'jsonl')).toThrow('output line 2 is not JSON: not json');
  });

  it('fills the placeholders wherever they stand in an argument', () => {
    expect(fillFileArgs(['run', '--in=${input}', '${output}', '${input}.bak'], { input: '/t/in.csv', output: '/t/out.csv' })).toEqual(['run', '--in=/t/in.csv', '/t/out.csv', '/t/in.csv.bak']);
    expect(fillFileArgs(['${input}', '${output}'], { input: '/t/in.csv', output: null })).toEqual(['/t/in.csv', '${output}']);
  });
});
