import type { z } from 'zod';
import { closest } from '../core/closest-name';

/**
 * Turns a zod issue into the words after the config path: `must be a positive integer (got -3)`,
 * `is not a known option (did you mean "timeoutMs"?)`. One line, for people.
 */
export function formatIssue(issue: z.core.$ZodIssue, input: unknown, known: readonly string[] = []): { path: string; problem: string } {
  const path = issue.path.map(String).join('.');
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
      return { path, problem: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${describe(value)})` };
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const guess = closest(key, known);
      return { path: path ? `${path}.${key}` : key, problem: `is not a known option${guess ? ` (did you mean "${guess}"?)` : ''}` };
    }
    case 'invalid_union':
      return { path, problem: `has an unsupported form (got ${describe(value)})` };
    default:
      if (issue.code === 'invalid_format' || (issue.code === 'custom' && value === undefined)) return { path, problem: issue.message };
      return { path, problem: issue.message };
  }
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

/** The known name closest to `name` by edit distance, if it is close enough to be a typo. */
