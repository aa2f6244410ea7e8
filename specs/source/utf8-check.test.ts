import fc from 'fast-check';

import { SourceError } from '../../harness/errors/source-error';
import { createUtf8Check } from '../../harness/source/utf8-check';

/** Runs `bytes` through the check in chunks cut at `cuts`; returns the error line, or null when valid. */
function checkInChunks(bytes: Buffer, cuts: number[]): number | null {
  const check = createUtf8Check('f.txt');
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  try {
    let start = 0;
    for (const point of [...points, bytes.length]) {
      check.check(bytes.subarray(start, point));
      start = point;
    }
    check.end();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as SourceError).line ?? -1;
  }
}

describe('createUtf8Check', () => {
  const text = Buffer.from('a,b\nçé,€\n𝄞 clef,ok\n', 'utf8');

  it('accepts valid UTF-8 however it is cut into chunks (multi-byte characters split across chunks)', () => {
    for (let cut = 0; cut <= text.length; cut++) expect(checkInChunks(text, [cut])).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), (value, cuts) => {
        expect(checkInChunks(Buffer.from(value, 'utf8'), cuts)).toBeNull();
      }),
    );
  });

  it('names the line of the first invalid byte, wherever the chunks are cut', () => {
    const bad = Buffer.concat([Buffer.from('ok\nok\nbad '), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from('\nok\n\xff')]);
    for (let cut = 0; cut <= bad.length; cut++) expect(checkInChunks(bad, [cut])).toBe(3);
  });

  it('rejects a character cut off by the end of the file, on the last line', () => {
    const truncated = Buffer.concat([Buffer.from('a\nb\n'), Buffer.from('€', 'utf8').subarray(0, 2)]);
    for (let cut = 0; cut <= truncated.length; cut++) expect(checkInChunks(truncated, [cut])).toBe(3);
  });

  it('rejects overlong encodings and surrogates', () => {
    expect(checkInChunks(Buffer.from([0x61, 0x0a, 0xc0, 0xaf]), [])).toBe(2);
    expect(checkInChunks(Buffer.from([0xed, 0xa0, 0x80]), [1])).toBe(1);
  });
});
