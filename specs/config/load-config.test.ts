import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { loadConfig, loadConfigSync } from '../../harness/config/load-config';
import { ConfigError } from '../../harness/errors/config-error';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'skew-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function loadError(file: string): Promise<ConfigError> {
  const error = await loadConfig({ file, cwd: dir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as Error).message).not.toContain('\n');
  return error as ConfigError;
}

describe('a config file that cannot be loaded: one line naming the file, and the line and column of a syntax error', () => {
  it('TypeScript and JavaScript syntax errors, at file:line:column', async () => {
    const ts = write('a.config.ts', "export default {\n  source: { path: 'd.csv' key: 'id' },\n};\n");
    const error = await loadError(ts);
    // Columns count from 1, as editors do: 27 is the `k` of `key`, the token the parser did not expect.
    expect(error.message).toBe(`${ts}:2:27: syntax error: Unexpected token, expected ","`);
    expect(error.location).toEqual({ line: 2, column: "  source: { path: 'd.csv' key: 'id' },".indexOf('key') + 1 });
    const mjs = write('b.config.mjs', 'export default {\n  a: 1\n  b: 2,\n};\n');
    expect((await loadError(mjs)).message).toBe(`${mjs}:3:3: syntax error: Unexpected token, expected ","`);
    const cjs = write('c.config.cjs', 'module.exports = { a: [1, 2 };\n');
    expect((await loadError(cjs)).message).toMatch(new RegExp(`^${cjs.replace(/\./g, '\\.')}:1:${'module.exports = { a: [1, 2 };'.indexOf('}') + 1}: syntax error: `));
  });

  it('the synchronous loader (jest registration) says the same', () => {
    const ts = write('d.config.ts', "export default {\n  source: { path: 'd.csv' key: 'id' },\n};\n");
    expect(() => loadConfigSync({ file: ts, cwd: dir })).toThrow(`${ts}:2:27: syntax error: Unexpected token, expected ","`);
  });

  it('a module that throws while loading: the file and what it threw', async () => {
    const file = write('e.config.ts', "throw new RangeError('no STAGING_URL');\nexport default {};\n");
    expect((await loadError(file)).message).toBe(`${file}: could not be loaded: RangeError: no STAGING_URL`);
    const plain = write('f.config.js', "throw new Error('boom');\n");
    expect((await loadError(plain)).message).toBe(`${plain}: could not be loaded: boom`);
  });

  it('JSON configs at file:line:column too', async () => {
    const file = write('g.config.json', '{\n  "source": { "path": "d.csv", },\n}\n');
    expect((await loadError(file)).message).toBe(`${file}:2:32: invalid JSON: Expected double-quoted property name`);
  });
});
