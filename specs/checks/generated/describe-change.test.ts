import { MISSING, describeChanges, formatGeneratedValue } from '../../../harness/checks/generated';

describe('describeChanges', () => {
  it('says how a row differs from its base, with the reason of each value', () => {
    const line = describeChanges({
      changes: {
        plan: { from: 'basic', value: 'enterprise', reason: 'unseen category' },
        monthly_spend: { from: 19.96, value: -0.01, reason: 'negative' },
      },
    });
    expect(line).toBe('plan: "basic" → "enterprise" (unseen category); monthly_spend: 19.96 → -0.01 (negative)');
  });

  it('names missing columns and the base row itself', () => {
    expect(describeChanges({ changes: { country: { from: 'US', value: MISSING, reason: 'missing column' } } })).toBe(
      'country: "US" → (missing) (missing column)',
    );
    expect(describeChanges({ changes: {} })).toBe('no changes (the base row as sampled)');
  });
});

describe('formatGeneratedValue', () => {
  it('makes invisible differences visible', () => {
    expect(formatGeneratedValue('basic\u00a0')).toBe('"basic\\u00a0"');
    expect(formatGeneratedValue('basic\u200b')).toBe('"basic\\u200b"');
    expect(formatGeneratedValue('José'.normalize('NFD'))).toBe('"Jose\\u0301"');
    expect(formatGeneratedValue('José')).toBe('"José"');
    expect(formatGeneratedValue('\tbasic ')).toBe('"\\tbasic "');
  });

  it('shows numbers, nulls, booleans and JSON as written, and cuts long values', () => {
    expect(formatGeneratedValue(2 ** 53 + 2)).toBe('9007199254740994');
    expect(formatGeneratedValue(-0)).toBe('-0');
    expect(formatGeneratedValue(null)).toBe('null');
    expect(formatGeneratedValue(undefined)).toBe('(missing)');
    expect(formatGeneratedValue(false)).toBe('false');
    expect(formatGeneratedValue({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(formatGeneratedValue('x'.repeat(1000))).toBe(`"${'x'.repeat(39)}…" (1000 chars)`);
    expect(formatGeneratedValue({ text: 'y'.repeat(100) })).toHaveLength(60);
  });
});
