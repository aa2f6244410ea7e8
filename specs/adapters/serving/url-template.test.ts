import fc from 'fast-check';
import { parseUrlTemplate } from '../../../harness/adapters/serving/url-template';

describe('parseUrlTemplate', () => {
  it('fills placeholders URL-encoded', () => {
    const template = parseUrlTemplate('http://h/users/{user_id}/f?day={day}&again={user_id}');
    expect(template.columns).toEqual(['user_id', 'day']);
    expect(template.fill({ user_id: 'a/b c?', day: 7 })).toEqual({
      kind: 'ok',
      url: 'http://h/users/a%2Fb%20c%3F/f?day=7&again=a%2Fb%20c%3F',
    });
  });

  it('names the first column without a value', () => {
    const template = parseUrlTemplate('http://h/{a}/{b}');
    expect(template.fill({ a: 1 })).toEqual({ kind: 'missing', column: 'b' });
    expect(template.fill({ a: null, b: 2 })).toEqual({ kind: 'missing', column: 'a' });
    expect(template.fill({ a: false, b: 0 })).toEqual({ kind: 'ok', url: 'http://h/false/0' });
  });

  it('leaves ${…} (env and port substitution) alone and returns plain URLs as they are', () => {
    expect(parseUrlTemplate('http://h:${port}/f').columns).toEqual([]);
    expect(parseUrlTemplate('http://h/f').fill({})).toEqual({ kind: 'ok', url: 'http://h/f' });
  });

  it('never lets a value change the path: the filled segment decodes back to the value', () => {
    const template = parseUrlTemplate('http://h/items/{id}/features');
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (id) => {
        const filled = template.fill({ id });
        if (id === '.' || id === '..') return expect(filled).toEqual({ kind: 'unsafe', column: 'id', value: id });
        if (filled.kind !== 'ok') throw new Error('expected ok');
        const url = new URL(filled.url);
        const segments = url.pathname.split('/');
        expect(segments).toHaveLength(4);
        expect(decodeURIComponent(segments[2]!)).toBe(id);
      }),
    );
  });
});
