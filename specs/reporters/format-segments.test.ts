import type { Segment, SegmentSplit } from '../../harness/core/field-segments';
import { formatSplit } from '../../harness/reporters/format-segments';

const segment = (label: string, mismatched: number, rows: number): Segment => ({ label, rows, mismatched, rate: mismatched / rows });
const split = (segments: Segment[]): SegmentSplit => ({ column: 'vehicle_type', basis: 'category', gain: 0.5, segments });

describe('formatSplit', () => {
  it('names every segment as bad as the worst, not two of them beside an "elsewhere" that hides the others', () => {
    // Upper-case categories all mismatch (a case-folding skew); lower-case ones never do.
    const line = formatSplit(split([segment('car', 0, 180), segment('Scooter', 21, 21), segment('bike', 0, 150), segment('Van', 18, 18), segment('Bike', 18, 18), segment('Car', 10, 10), segment('van', 0, 99)]));
    expect(line).toBe('vehicle_type: Scooter 100% (21 of 21), Van 100% (18 of 18), Bike 100% (18 of 18), Car 100% (10 of 10); elsewhere 0% (0 of 429)');
  });

  it('names at most six, and says how many more are as bad', () => {
    const worst = Array.from({ length: 8 }, (_, i) => segment(`S${i}`, 10, 10));
    const line = formatSplit(split([...worst, segment('ok', 0, 500)]));
    expect(line).toBe('vehicle_type: S0 100% (10 of 10), S1 100% (10 of 10), S2 100% (10 of 10), S3 100% (10 of 10), S4 100% (10 of 10), S5 100% (10 of 10); elsewhere 3.85% (20 of 520) (2 more at 100%)');
  });

  it('keeps the worst two when rates differ', () => {
    const line = formatSplit(split([segment('a', 50, 50), segment('b', 30, 40), segment('c', 20, 40), segment('d', 0, 100)]));
    expect(line).toBe('vehicle_type: a 100% (50 of 50), b 75.0% (30 of 40); elsewhere 14.3% (20 of 140)');
  });
});
