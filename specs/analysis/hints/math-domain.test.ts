import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { detectMathDomain } from '../../../harness/analysis/hints/math-domain';
import { buildInput, column, numbers, seeded, type RowSpec } from './hint-fixtures';

const random = seeded(31);
const detect = (specs: RowSpec[]) => detectMathDomain(createFieldView('f', buildInput(specs, { columns: [column('income', 'number'), column('age', 'number')] })));

describe('math-domain edges', () => {
  it('names the input condition and what each side gives (log at zero and negatives)', () => {
    const incomes = [...numbers(random, 300, 10, 9000), 0, 0, 0, -5, -12, -40];
    const hint = detect(incomes.map((x, i) => ({ inputs: { income: x, age: 20 + (i % 50) }, offline: Math.log(x), online: x > 0 ? Math.log(x) : null })));
    expect(hint?.kind).toBe('math_domain');
    expect(hint!.message).toBe('where income <= 0 online gives null, offline -Infinity or NaN: log, sqrt or a division at zero or a negative is handled differently');
  });

  it('prefers the narrowest edge: division by zero is "= 0"', () => {
    const xs = [...numbers(random, 200, -50, 50).filter((x) => x !== 0), 0, 0, 0, 0];
    const hint = detect(xs.map((x) => ({ inputs: { income: x, age: 30 }, offline: x === 0 ? Infinity : 1 / x, online: x === 0 ? 0 : 1 / x })));
    expect(hint!.message).toMatch(/^where income = 0 online gives a number, offline Infinity/);
  });

  it('stays silent when the special values are not the mismatches', () => {
    const xs = numbers(random, 200, 1, 100);
    expect(detect(xs.map((x) => ({ inputs: { income: x, age: 30 }, offline: x, online: x + 1 })))).toBeUndefined();
  });
});
