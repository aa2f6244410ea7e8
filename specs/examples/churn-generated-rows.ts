import fc from 'fast-check';

/** Seed of the generated rows, so a failure reproduces. */
export const GENERATED_SEED = 20_250_203;

const instant = fc.date({ noInvalidDate: true, min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z') });

/** A date or date-time in one of the ISO shapes the harness reads as a date. */
const shapeAndOffset = fc.tuple(instant, fc.integer({ min: 0, max: 20 }), fc.integer({ min: -14 * 60, max: 14 * 60 }));
const dateText = shapeAndOffset.map(([date, shape, offset]) => {
  const iso = date.toISOString();
  const local = new Date(date.getTime() + offset * 60_000).toISOString();
  const two = (n: number) => String(n).padStart(2, '0');
  const zone = `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`;
  switch (shape) {
    case 0:
      return iso.slice(0, 10);
    case 1:
      return iso;
    case 2:
      return `${local.slice(0, 19)}${zone.slice(0, 3)}:${zone.slice(3)}`;
    case 3:
      return `${local.slice(0, 10)} ${local.slice(11, 16)}${zone}`;
    case 4:
      return `${iso.slice(0, 19)}`; // no zone: UTC
    case 5:
      return `${iso.slice(0, 10)}t${iso.slice(11, 19)},${iso.slice(20, 23)}999z`;
    case 6:
      return `${iso.slice(0, 11)}24:00:00Z`; // invalid everywhere
    default:
      return iso.slice(0, 10);
  }
});

const text = fc.oneof(
  fc.constantFrom('basic', ' Premium', 'STANDARD ', 'enterprise', '', ' ', 'us', ' gb '),
  fc.constantFrom('premium\u00a0', '\u2003basic', 'Stra\u00dfe', '\u0130stanbul', '\u03a3\u03a3'),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ maxLength: 8 }),
);

const number = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, -0, 25, -25, 24.999999999999996, -0.01, 1e-300, 1e300, -1e300) },
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 6, arbitrary: fc.integer({ min: -100, max: 500 }) },
  { weight: 2, arbitrary: fc.double({ min: -100, max: 500, noNaN: true }).map((x) => ` ${x} `) },
  { weight: 1, arbitrary: fc.constantFrom('', 'abc', '1e400', '0x10') },
);

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });

/** Rows biased to skew-prone values, in the spirit of the harness's generated-parity check. */
export const generatedRow = fc.record({
  customer_id: fc.string({ maxLength: 7 }),
  signup_date: fc.oneof({ weight: 20, arbitrary: dateText }, { weight: 1, arbitrary: fc.constant(null) }),
  reference_date: dateText,
  last_login_at: nullable(dateText),
  plan: nullable(text),
  country: nullable(text),
  monthly_spend: nullable(number),
  sessions_last_30d: nullable(number),
  support_tickets: nullable(number),
  avg_session_minutes: nullable(number),
  churned: fc.constantFrom(0, 1),
});

/** `count` generated rows, the same on every run. */
export function sampleGeneratedRows(count: number): Record<string, unknown>[] {
  return fc.sample(generatedRow, { seed: GENERATED_SEED, numRuns: count });
}
