/** ANSI styling that collapses to plain text when colour is off. */
export interface Colors {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** Colours on or off. */
export function createColors(enabled: boolean): Colors {
  if (!enabled) {
    const plain = (text: string) => text;
    return { red: plain, green: plain, yellow: plain, bold: plain, dim: plain };
  }
  return { red: style(31, 39), green: style(32, 39), yellow: style(33, 39), bold: style(1, 22), dim: style(2, 22) };
}

/**
 * Whether to colour a stream: never with `NO_COLOR` set (https://no-color.org), always with `FORCE_COLOR` set to
 * something other than 0, otherwise only on a TTY.
 */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined) return env['FORCE_COLOR'] !== '0';
  return stream.isTTY === true;
}
