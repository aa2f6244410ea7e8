/**
 * The line of a failed process's stderr that names what went wrong: the exception. Python prints it last (after the
 * traceback); Node prints it before its stack and then a `Node.js v20.x` banner, and an error with own properties
 * closes its stack with `{ code: … }`. So from the end, skip blank lines, the Node banner, stack frames
 * (`    at …`) and a trailing property block; the first other line is the exception. Falls back to the last
 * non-blank line. Pure.
 *
 * @example exceptionLine('Traceback …\nValueError: bad date') // 'ValueError: bad date'
 * @example exceptionLine('RowError: row 1 …\n    at run (file.mjs:3:9)\n\nNode.js v20.20.2') // 'RowError: row 1 …'
 */
export function exceptionLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trimEnd());
  let i = lines.length - 1;
  const skipBlankAndBanner = (): void => {
    while (i >= 0 && (lines[i] === '' || NODE_BANNER.test(lines[i]!))) i--;
  };
  skipBlankAndBanner();
  const last = i >= 0 ? lines[i]!.trim() : '';
  // An error's own properties, printed after its stack: `    at … {` … `}`.
  if (i >= 0 && lines[i] === '}') {
    let open = i - 1;
    while (open >= 0 && !lines[open]!.endsWith('{')) open--;
    if (open >= 0 && STACK_FRAME.test(lines[open]!)) i = open;
  }
  let sawFrame = false;
  while (i >= 0 && STACK_FRAME.test(lines[i]!)) {
    sawFrame = true;
    i--;
  }
  if (!sawFrame) return last;
  skipBlankAndBanner();
  return i >= 0 ? lines[i]!.trim() : last;
}

const NODE_BANNER = /^Node\.js v\d+\.\d+\.\d+$/;
// A frame, or Node's `... 4 lines matching cause stack trace ...` between the frames of an error with a `cause`.
const STACK_FRAME = /^\s+(at\s|\.\.\. \d+ lines? matching cause stack trace \.\.\.$)/;
