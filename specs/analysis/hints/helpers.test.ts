import { hypergeometricTail, logGamma } from '../../../harness/analysis/hints/chance';
import { pearson, ranks, spearman } from '../../../harness/analysis/hints/correlation';
import { dayOfYear, formatDayOfYear, parseDateMs } from '../../../harness/analysis/hints/date-values';
import { formatNumber } from '../../../harness/analysis/hints/format-values';
import { fitTheilSen } from '../../../harness/analysis/hints/robust-fit';
import { agreesWithMode } from '../../../harness/analysis/hints/rounding-modes';
import { countSeparate, densestValue, median, quantileOfSorted } from '../../../harness/analysis/hints/statistics';
import { looksLikeHourOfDay, timeZoneHours, wrapHours } from '../../../harness/analysis/hints/time-units';
import { isMultipleOf } from '../../../harness/analysis/hints/tolerance';
import { describeUnitChange } from '../../../harness/analysis/hints/unit-factors';

describe('hint helpers', () => {
  it('statistics: median, quantiles and the densest value', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(quantileOfSorted([0, 10], 0.25)).toBe(2.5);
    // Two offsets 55 % / 45 %: the median would sit in one of them by luck; the densest value always does.
    expect(densestValue([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2], () => 1e-9)).toBe(1);
    expect(densestValue([], () => 0)).toBeUndefined();
    expect(countSeparate([5e-324, 1e-300, 0, 1e6])).toBe(2);
  });

  it('correlation: Pearson, Spearman with tied ranks', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1);
  });

  it('Theil–Sen ignores a few outliers a least-squares line would follow', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i);
    const ys = xs.map((x, i) => (i % 10 === 0 ? 1000 : 2 * x + 1));
    expect(fitTheilSen(xs, ys)).toEqual({ slope: 2, intercept: 1 });
    expect(fitTheilSen([1, 1], [2, 3])).toBeUndefined();
  });

  it('multiples and rounding modes survive decimal floats', () => {
    expect(isMultipleOf(0.3, 0.1)).toBe(true);
    expect(isMultipleOf(1234.56, 0.01)).toBe(true);
    expect(isMultipleOf(2.5e-7, 1)).toBe(false);
    expect(agreesWithMode(0.35, 0.3, 0.1, 'floor')).toBe(true);
    expect(agreesWithMode(-1.5, -1, 1, 'trunc')).toBe(true);
    expect(agreesWithMode(-1.5, -1, 1, 'floor')).toBe(false);
  });

  it('time units: hour-of-day wrap, zones from names and magnitudes', () => {
    expect(wrapHours(-23)).toBe(1);
    expect(wrapHours(13)).toBe(-11);
    expect(looksLikeHourOfDay('x', [1, 2, 3], false)).toBe(false);
    expect(looksLikeHourOfDay('hourOfDay', [1, 2, 3], false)).toBe(true);
    expect(timeZoneHours('duration_min', 60, [100], false)).toEqual({ hours: 1, unit: 'min' });
    expect(timeZoneHours('x', 1.5, [100], false)).toBeUndefined();
    expect(timeZoneHours('x', 3600 * 15, [100], false)).toBeUndefined();
  });

  it('unit factors name the direction', () => {
    expect(describeUnitChange(0.01)).toBe('online in a fraction, offline in percent');
    expect(describeUnitChange(3.7)).toBeUndefined();
  });

  it('dates: ISO forms read as UTC, days of the year line up across leap years', () => {
    expect(parseDateMs('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseDateMs('2024-03-01 10:00')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(parseDateMs('2024-03-01T10:00:00+0100')).toBe(Date.UTC(2024, 2, 1, 9));
    expect(parseDateMs('yesterday')).toBeUndefined();
    expect(dayOfYear(Date.UTC(2023, 2, 1))).toBe(dayOfYear(Date.UTC(2024, 2, 1)));
    expect(formatDayOfYear(dayOfYear(Date.UTC(2025, 9, 26)))).toBe('Oct 26');
  });

  it('chance: the hypergeometric tail (Fisher) of a concentration', () => {
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 9);
    // All 17 mismatches among 29 of 33 rows: C(29,17) / C(33,17) = 43680 / 982080.
    expect(hypergeometricTail(33, 17, 29, 17)).toBeCloseTo(43680 / 982080, 12);
    expect(hypergeometricTail(10, 3, 3, 0)).toBeCloseTo(1, 12);
    expect(hypergeometricTail(10, 3, 3, 4)).toBe(0);
  });

  it('formatNumber: 6 significant digits, no noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(3600)).toBe('3600');
  });
});
