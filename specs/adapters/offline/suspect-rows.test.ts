import fc from 'fast-check';
import { suspectRows } from '../../../harness/adapters/offline/suspect-rows';

const rows = [
  { id: 'a', code: '101', plan: 'basic' },
  { id: 'b', code: 'n/a', plan: 'pro' },
  { id: 'c', code: '102', plan: 'basic' },
  { id: 'd', code: '103' },
  { id: 'e', code: '104', plan: 'pro' },
  { id: 'f', code: '105', plan: 'basic' },
  { id: 'g', code: '106', plan: 'basic' },
  { id: 'h', code: '107', plan: 'basic' },
  { id: 'i', code: '108', plan: 'basic' },
];

describe('suspectRows', () => {
  it('points at the rows holding the value a Python exception quotes', () => {
    const tail = `Traceback (most recent call last):\n  File "p.py", line 4, in <module>\n    code = int(row["code"])\nValueError: invalid literal for int() with base 10: 'n/a'\n`;
    expect(suspectRows(rows, tail)).toEqual([1]);
  });

  it('points at the rows lacking the column a KeyError names', () => {
    expect(suspectRows(rows, "KeyError: 'plan'")).toEqual([3]);
  });

  it('reads double-quoted tokens and numbers', () => {
    expect(suspectRows(rows, 'Error: bad code "104"')).toEqual([4]);
  });

  it('names nothing when the message quotes nothing, or a value every row has', () => {
    expect(suspectRows(rows, 'ZeroDivisionError: float division by zero')).toEqual([]);
    expect(suspectRows(rows, "TypeError: unsupported operand type(s) for +: 'int' and 'str'")).toEqual([]);
    expect(suspectRows(rows, "ValueError: bad plan 'basic'")).toEqual([]);
  });

  it('property: suspects are valid, distinct indexes, and never every row', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.string(), fc.integer())), { minLength: 1, maxLength: 40 }), fc.string(), (data, message) => {
        const found = suspectRows(data, message);
        return new Set(found).size === found.length && found.every((i) => Number.isInteger(i) && i >= 0 && i < data.length) && found.length < data.length;
      }),
    );
  });
});

describe('suspectRows with bare tokens', () => {
  const accounts = [
    { account_id: 'ACC1', credit_limit: 500 },
    { account_id: 'ACC2', credit_limit: -5000 },
    { account_id: 'ACC3', credit_limit: 0 },
    { account_id: 'ACC4', credit_limit: 0 },
    { account_id: 'ACC5', credit_limit: 0 },
    { account_id: 'ACC6', credit_limit: 900 },
    { account_id: 'ACC7', credit_limit: 0 },
    { account_id: 'ACC8', credit_limit: 800 },
  ];

  it('points at the row whose key or number an unquoted message names', () => {
    expect(suspectRows(accounts, 'ValueError: ACC2: credit_limit must be positive, got -5000.0')).toEqual([1]);
  });

  it('ignores tokens that match too many rows to say anything', () => {
    expect(suspectRows(accounts, 'ValueError: credit_limit must not be 0')).toEqual([]);
  });
});
