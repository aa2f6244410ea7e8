import { escapeHtml } from './escape-html';

/** Only this module holds it, so only this module can make a {@link SafeHtml}. */
const TOKEN: unique symbol = Symbol('safe-html');

/**
 * Markup that is known to be safe: made only by the {@link html} template (whose interpolations are escaped) or by
 * {@link trustedHtml} on constants. Render functions return it, so a string from a report can never reach the page
 * without passing through {@link escapeHtml}: the type system holds the line.
 */
export class SafeHtml {
  readonly #markup: string;

  /** Not callable outside this module (the token is private): build markup with {@link html}. */
  constructor(token: typeof TOKEN, markup: string) {
    if (token !== TOKEN) throw new TypeError('SafeHtml is made by html`…`, not by new');
    this.#markup = markup;
  }

  /** The markup. */
  toString(): string {
    return this.#markup;
  }
}

/**
 * What may be interpolated into {@link html}: safe markup as is; strings and numbers escaped; `null`, `undefined`
 * and `false` as nothing (so `cond && html\`…\`` works); arrays item by item.
 */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

/**
 * Builds markup from a template: every interpolated string or number is escaped with {@link escapeHtml}, every
 * {@link SafeHtml} is kept. Attribute values must be quoted in the template (`class="${x}"`): the escaping covers
 * quoted attributes, not unquoted ones.
 *
 * @example html`<td title="${value}">${value}</td>`
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += renderValue(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(TOKEN, out);
}

/** Joins pieces of markup (escaping any strings among them). */
export function joinHtml(values: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(TOKEN, values.map(renderValue).join(escapeHtml(separator)));
}

/**
 * Marks a constant of this folder (the style sheet, the sort script) as markup. Never call it with anything
 * derived from a report: that is what {@link html} is for.
 */
export function trustedHtml(constant: string): SafeHtml {
  return new SafeHtml(TOKEN, constant);
}

/**
 * A name that may wrap after `_`, `.`, `-` or `/` (a `<wbr>` there) rather than mid-word: `days_since_last_login`
 * breaks as `days_since_last_` / `login` in a narrow column.
 */
export function breakable(name: string): SafeHtml {
  // Split the raw text, then escape each piece: a break can never land inside an entity.
  return new SafeHtml(TOKEN, name.split(/(?<=[_./-])/).map(escapeHtml).join('<wbr>'));
}

function renderValue(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'number') return escapeHtml(String(value));
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(renderValue).join('');
}
