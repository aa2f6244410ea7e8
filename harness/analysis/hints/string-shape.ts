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
}

// Most specific first: on a tie the earlier shape is named (a padded value may also be upper-case).
const SHAPES: readonly Shape[] = [
  { description: 'is empty', cause: 'empty strings are handled differently', matches: (v) => v === '' },
  { description: 'has leading or trailing whitespace', cause: 'trimming differs', matches: (v) => /^\s|\s$/u.test(v) },
  { description: 'is not NFC-normalised', cause: 'Unicode normalisation differs', matches: (v) => v !== v.normalize('NFC') },
  {
    description: 'has non-ASCII characters',
    cause: 'Unicode handling (normalisation, case mapping, encoding) differs',
    matches: (v) => /[^\x00-\x7f]/.test(v),
  },
  { description: 'has upper-case letters', cause: 'case folding differs', matches: (v) => v !== v.toLowerCase() },
  { description: 'has lower-case letters', cause: 'case folding differs', matches: (v) => v !== v.toUpperCase() },
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
  for (const shape of SHAPES) {
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
