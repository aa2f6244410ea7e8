import type { AnalysisRow } from '../analysis-input';
import type { FieldView } from './field-view';
import { contrastStrength, describeContrast, measureContrast } from './row-contrast';

/** A shape of string values that normalisation code treats specially. */
interface Shape {
  /** "has leading or trailing whitespace" */
  description: string;
  /** What differs between the sides when mismatches follow this shape. */
  cause: string;
  matches: (value: string) => boolean;
  /**
   * The normalisation the cause names (trim, case folding, NFC). A shape is only evidence of normalisation when
   * some value with it has a twin without it that normalises to the same string (" Premium" and "Premium"):
   * otherwise it just coincides with a set of categories ("Asia/Tokyo" has lower-case letters, "UTC" has none).
   * Free text (values that rarely repeat) is exempt: there a shape is no list of categories in disguise.
   */
  normalise?: (value: string) => string;
}

// Most specific first: on a tie the earlier shape is named (a padded value may also be upper-case).
const SHAPES: readonly Shape[] = [
  { description: 'is empty', cause: 'empty strings are handled differently', matches: (v) => v === '' },
  { description: 'has leading or trailing whitespace', cause: 'trimming differs', matches: (v) => /^\s|\s$/u.test(v), normalise: (v) => v.trim() },
  {
    description: 'is not NFC-normalised',
    cause: 'Unicode normalisation differs',
    matches: (v) => v !== v.normalize('NFC'),
    normalise: (v) => v.normalize('NFC'),
  },
  {
    description: 'has non-ASCII characters',
    cause: 'Unicode handling (normalisation, case mapping, encoding) differs',
    matches: (v) => /[^\x00-\x7f]/.test(v),
  },
  { description: 'has upper-case letters', cause: 'case folding differs', matches: (v) => v !== v.toLowerCase(), normalise: (v) => v.toLowerCase() },
  { description: 'has lower-case letters', cause: 'case folding differs', matches: (v) => v !== v.toUpperCase(), normalise: (v) => v.toLowerCase() },
];

/** The best string shape of one column that the mismatches follow. */
export interface ShapeFinding {
  strength: number;
  column: string;
  message: string;
  evidence: string;
}

/**
 * "Mismatches only where `country` has leading or trailing whitespace": the string shapes (padding, case,
 * non-ASCII, non-NFC, empty) of a string input that the mismatching rows share and the others lack — the
 * signature of normalisation (trim, lower-case, NFC) that differs between the sides. Works on free text too,
 * where listing values would not. `hypotheses` counts the other conditions the caller tries.
 */
export function findStringShape(view: FieldView, column: string, hypotheses: number): ShapeFinding | undefined {
  let best: ShapeFinding | undefined;
  const counts = new Map<string, number>();
  for (const row of [...view.mismatching, ...view.matching]) {
    const value = row.inputs[column];
    if (typeof value === 'string') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  for (const shape of SHAPES) {
    if (shape.normalise && isCategorical(counts, shape) && !hasTwin(counts, shape)) continue;
    const contrast = measureContrast(view, (row: AnalysisRow) => {
      const value = row.inputs[column];
      return typeof value === 'string' ? shape.matches(value) : undefined;
    });
    const strength = contrastStrength(contrast, hypotheses * SHAPES.length);
    if (strength === undefined || (best && strength <= best.strength)) continue;
    best = {
      strength,
      column,
      message: `mismatches only where ${column} ${shape.description}: ${shape.cause}`,
      evidence: describeContrast(contrast, `where ${column} ${shape.description}`),
    };
  }
  return best;
}

/** Whether the values with the shape repeat (at least two rows per distinct value on average): categories. */
function isCategorical(counts: ReadonlyMap<string, number>, shape: Shape): boolean {
  let distinct = 0;
  let rows = 0;
  for (const [value, n] of counts) if (shape.matches(value)) (distinct++, (rows += n));
  return distinct * 2 <= rows;
}

/** Whether some value with the shape has another value without it that normalises to the same string. */
function hasTwin(counts: ReadonlyMap<string, number>, shape: Shape): boolean {
  const normalise = shape.normalise!;
  const plain = new Set<string>();
  for (const v of counts.keys()) if (!shape.matches(v)) plain.add(normalise(v));
  for (const v of counts.keys()) if (shape.matches(v) && plain.has(normalise(v))) return true;
  return false;
}
