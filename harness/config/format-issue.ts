import type { z } from 'zod';
import { closest } from '../core/closest-name';
import { describeForms, listForms, literalStrings } from './describe-forms';
import { knownKeysAt, schemasAt } from './known-keys';

/**
 * Turns a zod issue into the config path and the words after it: `must be a positive integer (got -3)`,
 * `is not a known option (did you mean "timeoutMs"?)`, `must be "auto" or an integer from 1 to 65535 (got "atuo" —
 * did you mean "auto"?)`. `schema` is the schema that was parsed: it gives the known option names and the forms a
 * value may take. One line, for people.
 */
export function formatIssue(issue: z.core.$ZodIssue, input: unknown, schema?: z.ZodType): { path: string; problem: string } {
  const path = formatConfigPath(issue.path);
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { path, problem: 'is required' };
      return { path, problem: `must be ${article(issue.expected)} (got ${describe(value)})` };
    case 'too_small': {
      if (issue.origin === 'array') return { path, problem: `must have at least ${issue.minimum} item${issue.minimum === 1n || issue.minimum === 1 ? '' : 's'}` };
      if (issue.origin === 'string') return { path, problem: Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters` };
      const op = issue.inclusive ? '>=' : '>';
      return { path, problem: `must be ${op} ${issue.minimum} (got ${describe(value)})` };
    }
    case 'too_big': {
      if (issue.origin === 'string') return { path, problem: `must be at most ${issue.maximum} character${Number(issue.maximum) === 1 ? '' : 's'} (got ${describe(value)})` };
      const op = issue.inclusive ? '<=' : '<';
      return { path, problem: `must be ${op} ${issue.maximum} (got ${describe(value)})` };
    }
    case 'invalid_value':
      return { path, problem: mustBe(issue.values.map((v) => JSON.stringify(v)), value) };
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const guess = closest(key, schema ? knownKeysAt(schema, issue.path) : []);
      return { path: formatConfigPath([...issue.path, key]), problem: `is not a known option${guess ? ` (did you mean "${guess}"?)` : ''}` };
    }
    case 'invalid_union': {
      // A value of the right shape for one member (a [name, options] pair with a misspelt name) is wrong inside it:
      // say where, rather than that the whole value fits no member.
      const inside = issue.errors.find((errors) => errors.length > 0 && errors.every((e) => e.path.length > 0))?.[0];
      if (inside) return formatIssue({ ...inside, path: [...issue.path, ...inside.path] } as z.core.$ZodIssue, input, schema);
      const forms = [...new Set(schema ? schemasAt(schema, issue.path).flatMap(describeForms) : [])];
      return { path, problem: forms.length > 0 ? mustBe(forms, value) : `has an unsupported form (got ${describe(value)})` };
    }
    default:
      if (issue.code === 'invalid_format' || (issue.code === 'custom' && value === undefined)) return { path, problem: issue.message };
      return { path, problem: issue.message };
  }
}

/**
 * A config path as the user writes it: `serving.start.port`, `report.reporters[0]`, `offline.command[1]`.
 */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}

/** `must be <the forms> (got <value>)`, with the likely intended value when a string is a typo of one. */
function mustBe(forms: readonly string[], value: unknown): string {
  const guess = typeof value === 'string' ? closest(value, literalStrings(forms)) : undefined;
  return `must be ${listForms(forms)} (got ${describe(value)}${guess === undefined ? '' : ` — did you mean ${JSON.stringify(guess)}?`})`;
}

/** The value at a path, or undefined. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

function article(type: string): string {
  const words: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'true or false', object: 'an object', array: 'an array', int: 'an integer' };
  return words[type] ?? type;
}

