import { spawnSync } from 'node:child_process';
import { exceptionLine } from '../../../harness/adapters/offline/exception-line';

/** The stderr of a real process that fails the way pipelines do. */
const stderrOf = (command: string, args: string[]): string => spawnSync(command, args, { encoding: 'utf8' }).stderr;

describe('exceptionLine', () => {
  it('finds a Node error above its stack and the version banner, with or without own properties', () => {
    const thrown = stderrOf(process.execPath, ['-e', "class RowError extends Error { name = 'RowError' }; throw new RowError('row 1: pickup_distance_km must be >= 0')"]);
    expect(thrown.trimEnd().split('\n').pop()).toMatch(/^Node\.js v/);
    expect(exceptionLine(thrown)).toBe('RowError: row 1: pickup_distance_km must be >= 0');

    const withCode = stderrOf(process.execPath, ['-e', "const e = new Error('cannot parse 2024-02-30'); e.code = 'BAD_DATE'; throw e"]);
    expect(withCode).toMatch(/code: 'BAD_DATE'/);
    expect(exceptionLine(withCode)).toBe('Error: cannot parse 2024-02-30');

    // A wrapped error: Node prints the cause's stack after the error's, with a "... N lines matching" filler.
    const wrapped = stderrOf(process.execPath, ['-e', "function f() { throw new Error('bad date') } try { f() } catch (inner) { throw new Error('row 7 invalid', { cause: inner }) }"]);
    expect(wrapped).toMatch(/\.\.\. \d+ lines? matching cause stack trace \.\.\./);
    expect(exceptionLine(wrapped)).toMatch(/^\[cause\]: Error: bad date$|^Error: row 7 invalid$/);
  });

  it('takes a Python traceback’s last line, and the last line of anything else', () => {
    const traceback = stderrOf('python3', ['-c', "import datetime\ndatetime.date.fromisoformat('2024-02-30')"]);
    expect(exceptionLine(traceback)).toMatch(/^ValueError: day is out of range for month/);
    expect(exceptionLine('warning: slow\nfatal: no such column amount\n\n')).toBe('fatal: no such column amount');
    expect(exceptionLine('')).toBe('');
  });
});
