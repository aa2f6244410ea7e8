import type { z } from 'zod';

/** The parts of a zod 4 schema definition that {@link describeForms} reads. */
interface FormDef {
  type: string;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
  items?: z.ZodType[];
  checks?: Array<{ _zod: { def: CheckDef } }>;
}

interface CheckDef {
  check: string;
  format?: string;
  value?: unknown;
  inclusive?: boolean;
}

const defOf = (schema: z.ZodType): FormDef => (schema as unknown as { _zod: { def: FormDef } })._zod.def;

/**
 * What a schema accepts, in words a config author reads: literal values as JSON (`"auto"`, `false`), other forms as
 * phrases (`an integer from 1 to 65535`, `true or false`, `an object`, `null`). A schema with a description
 * (`.describe('a [name, options] pair')`) is that description. Unions list every member; `optional` adds nothing
 * (leaving a setting out is not a form to write).
 */
export function describeForms(schema: z.ZodType): string[] {
  const description = (schema as { description?: string }).description;
  if (description) return [description];
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
      return def.innerType ? describeForms(def.innerType) : [];
    case 'nullable':
      return [...(def.innerType ? describeForms(def.innerType) : []), 'null'];
    case 'union':
      return unique((def.options ?? []).flatMap(describeForms));
    case 'literal':
      return (def.values ?? []).map((v) => JSON.stringify(v));
    case 'enum':
      return Object.values(def.entries ?? {}).map((v) => JSON.stringify(v));
    case 'number':
      return [describeNumber(def.checks ?? [])];
    case 'boolean':
      return ['true', 'false'];
    case 'string':
      return ['a string'];
    case 'object':
    case 'record':
      return ['an object'];
    case 'array':
      return ['an array'];
    case 'tuple':
      return [`an array of ${def.items?.length ?? 0} items`];
    case 'null':
      return ['null'];
    default:
      return [def.type === 'custom' ? 'a value of another kind' : `a ${def.type}`];
  }
}

/**
 * The forms as one phrase, literal values first: `"auto" or an integer from 1 to 65535`, `true, false or an object`,
 * `one of "csv", "jsonl" or …` (from three values on).
 */
export function listForms(forms: readonly string[]): string {
  const values = forms.filter(isLiteralForm);
  const items = [...values, ...forms.filter((form) => !isLiteralForm(form))];
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${values.length >= 3 ? 'one of ' : ''}${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

/** The literal string values among the forms (for "did you mean"). */
export function literalStrings(forms: readonly string[]): string[] {
  return forms.filter((form) => form.startsWith('"')).map((form) => JSON.parse(form) as string);
}

function isLiteralForm(form: string): boolean {
  return form.startsWith('"') || form === 'true' || form === 'false' || /^-?\d/.test(form);
}

function describeNumber(checks: ReadonlyArray<{ _zod: { def: CheckDef } }>): string {
  let integer = false;
  let min: { value: number; inclusive: boolean } | undefined;
  let max: { value: number; inclusive: boolean } | undefined;
  for (const { _zod } of checks) {
    const check = _zod.def;
    if (check.check === 'number_format' && check.format !== undefined && /int/.test(check.format)) integer = true;
    else if (check.check === 'greater_than' && typeof check.value === 'number') min = { value: check.value, inclusive: check.inclusive === true };
    else if (check.check === 'less_than' && typeof check.value === 'number') max = { value: check.value, inclusive: check.inclusive === true };
  }
  const noun = integer ? 'integer' : 'number';
  const a = integer ? 'an' : 'a';
  if (min?.value === 0 && !max) return min.inclusive ? `a non-negative ${noun}` : `a positive ${noun}`;
  if (min?.inclusive && max?.inclusive) return `${a} ${noun} from ${min.value} to ${max.value}`;
  const bounds = [min ? `${min.inclusive ? '>=' : '>'} ${min.value}` : '', max ? `${max.inclusive ? '<=' : '<'} ${max.value}` : ''].filter(Boolean);
  return `${a} ${noun}${bounds.length ? ` ${bounds.join(' and ')}` : ''}`;
}

function unique(forms: string[]): string[] {
  return [...new Set(forms)];
}
