/** A number written as text: sign, digits with an optional fraction, an optional exponent (ASCII digits only). */
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Whether a string holds a number once surrounding whitespace is trimmed (`"00123"`, `" 19.96"`, `"-1e3"`): the
 * strings `float()`, `Number()` and `pd.to_numeric` all read as numbers. Empty and whitespace-only strings do not.
 */
export function isNumericText(value: string): boolean {
  return NUMERIC_TEXT.test(value.trim());
}
