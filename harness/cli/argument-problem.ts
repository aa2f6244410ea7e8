import { closest } from '../core/closest-name';

/** What the parser knows about the options of the command being run (yargs' `getOptions()`, in part). */
export interface ArgumentSpec {
  /** Every option and positional name, as declared (`sample-method`, `action`). */
  names: readonly string[];
  /** Aliases of each name (`reporter` → `r`). */
  aliases: Readonly<Record<string, readonly string[]>>;
  /** The values an option or positional may take, where it is limited to some. */
  choices: Readonly<Record<string, readonly unknown[]>>;
  /** Options that must be given. */
  required: readonly string[];
}

/**
 * The first thing wrong with the command line, as one line, or undefined. In the order a user fixes them: an
 * option no command knows (`unknown option --sampel (did you mean --sample?)`), a value outside an option's choices
 * (`--sample-method must be one of reservoir, stratified, key-hash, all (got "foo")`), then a required option left
 * out (`--baseline is required`). `parsed` is the parser's result (with its camelCase copies of dashed names);
 * `written` is the command line as typed, which tells an option from a positional of the same name.
 */
export function findArgumentProblem(parsed: Readonly<Record<string, unknown>>, spec: ArgumentSpec, written: readonly string[], command?: string): string | undefined {
  const unknown = firstUnknownOption(parsed, spec);
  if (unknown !== undefined) {
    const longNames = spec.names.filter((name) => name.length > 1);
    const guess = unknown.length > 1 ? closest(unknown, longNames) : undefined;
    const hint = guess === undefined ? `see skew ${command ? `${command} ` : ''}--help` : `did you mean ${flag(guess)}?`;
    return `unknown option ${asWritten(unknown, written)} (${hint})`;
  }
  for (const [name, allowed] of Object.entries(spec.choices)) {
    const value = parsed[name];
    if (value === undefined || allowed.length === 0) continue;
    const wrong = (Array.isArray(value) ? value : [value]).find((v) => !allowed.some((a) => String(a) === String(v)));
    if (wrong === undefined) continue;
    const shown = JSON.stringify(String(wrong));
    const guess = closest(String(wrong), allowed.map(String));
    const display = isWrittenAsOption(name, spec, written) ? flag(name) : `<${name}>`;
    return `${display} must be one of ${allowed.map(String).join(', ')} (got ${shown}${guess === undefined ? '' : ` — did you mean "${guess}"?`})`;
  }
  const missing = spec.required.filter((name) => parsed[name] === undefined);
  if (missing.length > 0) return `${missing.map(flag).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} required`;
  return undefined;
}

/** The first option given that the command does not know, as typed (`bogus-flag`, `Z`). */
function firstUnknownOption(parsed: Readonly<Record<string, unknown>>, spec: ArgumentSpec): string | undefined {
  const known = new Set<string>(['_', '$0']);
  for (const name of spec.names) {
    for (const each of [name, ...(spec.aliases[name] ?? [])]) {
      known.add(each);
      known.add(camelCase(each));
    }
  }
  const unknown = Object.keys(parsed).filter((key) => !known.has(key));
  // The parser adds `bogusFlag` beside `bogus-flag`: name the option once, as typed.
  return unknown.find((key) => !unknown.some((other) => other !== key && camelCase(other) === key));
}

function isWrittenAsOption(name: string, spec: ArgumentSpec, written: readonly string[]): boolean {
  const forms = [name, ...(spec.aliases[name] ?? [])].map(flag);
  return written.some((arg) => forms.some((form) => arg === form || arg.startsWith(`${form}=`)));
}

/** An option as the user typed it (`--x`, not `-x`, for a one-letter name written with two dashes). */
function asWritten(name: string, written: readonly string[]): string {
  const long = `--${name}`;
  return written.some((arg) => arg === long || arg.startsWith(`${long}=`)) ? long : flag(name);
}

function flag(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

function camelCase(name: string): string {
  return name.replace(/-+([^-])/g, (_, c: string) => c.toUpperCase());
}
