import type { StringProfile } from '../../core/data-profile';
import { caseShapeOf, isPadded } from '../../profile/string-profile';
import type { EdgeValue } from './edge-value';

/** Length of the generated long string: beyond most `VARCHAR(255)`s and tokenizer windows. */
export const LONG_STRING_LENGTH = 1000;

/** Reason of a category's seen values among its edge values. */
export const SEEN_VALUE_REASON = 'seen value';

/** The accented sample used when a column has no non-ASCII value of its own. */
const ACCENTED_SAMPLE = 'José';

/** Plausible new category tokens for word-like vocabularies (`basic`, `premium` → `enterprise`). */
const NEW_WORDS = ['enterprise', 'unknown', 'other', 'new_category'];

/** Plausible new tokens for short code vocabularies (`US`, `DE` → `XX`). */
const NEW_CODE_LETTERS = ['X', 'Z', 'Q', 'J'];

/**
 * Skew-prone strings for a string or category column, simplest first: the empty string; for categories, an
 * unseen category (a new token styled like the vocabulary, and a seen value with a suffix); case variants (upper,
 * lower, title); padding (leading and trailing space, tab, non-breaking space U+00A0, zero-width space U+200B);
 * whitespace only; the NFD form of an accented value (composed `é` vs `e` + U+0301); a long string; and for
 * categories every seen value, raw. Variants are built from `typical`: the category's most frequent unpadded
 * value, or for free text the typical row's value (a fixed word when there is none).
 */
export function stringEdgeValues(strings: StringProfile | null, typical: string | undefined): EdgeValue[] {
  const vocabulary = strings?.vocabulary ?? null;
  const seed = typical ?? 'text';
  const core = seed.trim() === '' ? 'text' : seed.trim();
  const edges: EdgeValue[] = [{ value: '', reason: 'empty string' }];
  if (vocabulary !== null) {
    edges.push(
      { value: unseenToken(core, vocabulary.map((v) => v.value)), reason: 'unseen category' },
      { value: `${core}_v2`, reason: 'unseen category suffix' },
    );
  }
  edges.push(
    { value: core.toUpperCase(), reason: 'case variant upper' },
    { value: core.toLowerCase(), reason: 'case variant lower' },
    { value: titleCase(core), reason: 'case variant title' },
    { value: ` ${core}`, reason: 'padded leading space' },
    { value: `${core} `, reason: 'padded trailing space' },
    { value: `\t${core}`, reason: 'padded tab' },
    { value: `${core}\u00a0`, reason: 'padded nbsp' },
    { value: `${core}\u200b`, reason: 'zero-width space' },
    { value: ' ', reason: 'whitespace only' },
    ...accentEdges([...(vocabulary ?? []).map((v) => v.value), seed]),
    { value: core.repeat(Math.ceil(LONG_STRING_LENGTH / core.length)).slice(0, LONG_STRING_LENGTH), reason: 'long string' },
  );
  for (const seen of vocabulary ?? []) edges.push({ value: seen.value, reason: SEEN_VALUE_REASON });
  // A variant equal to the value it was made from is no variant (`US` upper-cased): drop it, keep the seen value.
  return edges.filter((e) => e.reason === SEEN_VALUE_REASON || e.reason === 'empty string' || (e.value !== seed && e.value !== core));
}

/** The most frequent unpadded vocabulary value (the most frequent one when all are padded). */
export function typicalCategory(strings: StringProfile | null): string | undefined {
  const vocabulary = strings?.vocabulary ?? [];
  return (vocabulary.find((v) => !isPadded(v.value)) ?? vocabulary[0])?.value;
}

/**
 * NFD and NFC forms of the first candidate whose two forms differ (a seen `José`), else of a fixed accented
 * sample: a pipeline that normalises and one that does not see different strings.
 */
function accentEdges(candidates: readonly string[]): EdgeValue[] {
  const accented = candidates.find((c) => c.normalize('NFC') !== c.normalize('NFD'));
  if (accented === undefined) {
    return [
      { value: ACCENTED_SAMPLE.normalize('NFC'), reason: 'accented' },
      { value: ACCENTED_SAMPLE.normalize('NFD'), reason: 'nfd' },
    ];
  }
  const edges: EdgeValue[] = [{ value: accented.normalize('NFD'), reason: 'nfd' }];
  if (accented !== accented.normalize('NFC')) edges.push({ value: accented.normalize('NFC'), reason: 'nfc' });
  return edges;
}

/**
 * A token not in the vocabulary (compared trimmed and case-insensitively), styled like `core`: letters of the
 * same length for short codes (`US` → `XX`), else a new word in `core`'s case (`basic` → `enterprise`).
 */
function unseenToken(core: string, vocabulary: readonly string[]): string {
  const taken = new Set(vocabulary.map((v) => v.trim().toLowerCase()));
  const candidates = /^[A-Za-z]{1,3}$/.test(core) ? NEW_CODE_LETTERS.map((letter) => letter.repeat(core.length)) : NEW_WORDS;
  const free = candidates.find((c) => !taken.has(c.toLowerCase())) ?? `${candidates[0] ?? 'new'}_${taken.size}`;
  switch (caseShapeOf(core)) {
    case 'upper':
      return free.toUpperCase();
    case 'mixed':
      return titleCase(free);
    case 'lower':
    case 'none':
      return free.toLowerCase();
  }
}

/** `premium plan` → `Premium Plan`. */
function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s_-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
