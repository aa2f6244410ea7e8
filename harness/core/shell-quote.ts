/**
 * Quotes an argument for a POSIX shell only when it needs it: words of safe characters stay as they are, anything
 * else goes in single quotes (a `'` inside written `'\''`), so a pasted command passes it through unchanged.
 *
 * @example
 * shellQuote('skew.config.js') // skew.config.js
 * shellQuote("http://h/f?a=1&tag=it's") // 'http://h/f?a=1&tag=it'\''s'
 */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
