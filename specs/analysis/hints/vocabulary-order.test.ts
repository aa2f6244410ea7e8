import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { hintsForField } from '../../../harness/analysis/hints/hints-for-field';
import { detectVocabularyOrder } from '../../../harness/analysis/hints/vocabulary-order';
import { buildInput, seeded, type RowSpec } from './hint-fixtures';

const random = seeded(41);
const PLANS = ['pro', 'basic', 'free', 'enterprise'];
const SORTED = [...PLANS].sort();

function rows(encode: (plan: string) => { offline: unknown; online: unknown }): RowSpec[] {
  return Array.from({ length: 300 }, (_, i) => {
    const plan = i < PLANS.length ? PLANS[i]! : random.pick(PLANS);
    return { inputs: { plan }, ...encode(plan) };
  });
}

describe('vocabulary order', () => {
  it('names both orders and the categories that move (index)', () => {
    const input = buildInput(rows((p) => ({ offline: SORTED.indexOf(p), online: PLANS.indexOf(p) })));
    const hints = hintsForField('f', input);
    expect(hints.map((h) => h.kind)).toEqual(['vocabulary_order']);
    expect(hints[0]!.message).toBe(
      'the index of plan is permuted between the sides: offline follows sorted order, online first-seen order ("basic" 0 → 1, "enterprise" 1 → 3 and "pro" 3 → 0; "free" keeps its index): the vocabulary is ordered differently',
    );
  });

  it('reads one-hot vectors as indices', () => {
    const oneHot = (i: number) => PLANS.map((_, j) => (j === i ? 1 : 0));
    const hint = detectVocabularyOrder(createFieldView('f', buildInput(rows((p) => ({ offline: oneHot(SORTED.indexOf(p)), online: oneHot(PLANS.indexOf(p)) })))));
    expect(hint?.kind).toBe('vocabulary_order');
  });

  it('stays silent when the codes are no permutation (unseen → −1 online)', () => {
    const hint = detectVocabularyOrder(createFieldView('f', buildInput(rows((p) => ({ offline: SORTED.indexOf(p), online: p === 'free' ? 7 : SORTED.indexOf(p) })))));
    expect(hint).toBeUndefined();
  });
});
