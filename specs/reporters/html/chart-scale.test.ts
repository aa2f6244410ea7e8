import { niceTicks } from '../../../harness/reporters/html/chart-scale';

describe('niceTicks', () => {
  it('gives round ticks inside the domain', () => {
    expect(niceTicks(0, 1000, 4)).toEqual([0, 500, 1000]);
    expect(niceTicks(-3, 7, 5)).toEqual([-2, 0, 2, 4, 6]);
  });

  it('ends on a domain a few ulps wide (a constant difference computed in floating point), without repeating a tick', () => {
    const ticks = niceTicks(1 - 2 ** -52, 1 + 2 ** -51, 5);
    expect(ticks.length).toBeLessThanOrEqual(16);
    expect(new Set(ticks).size).toBe(ticks.length);
  });
});
