import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { resolveConfig } from '../../harness/config/resolve-config';
import { createTerminalReporter } from '../../harness/reporters/terminal-reporter';
import { ReporterMultiplexer } from '../../harness/reporters/reporter-multiplexer';
import { runSkew } from '../../harness/runner/run-skew';
import { TempRepo } from '../cli/cli-harness';

/**
 * Ctrl-C in a terminal: the terminal reporter's progress bar redraws on a timer of its own, and a run interrupted
 * mid-check must stop it, or the process outlives its exit code (it did: `skew run` in a terminal hung after Ctrl-C).
 */
describe('a run interrupted mid-check', () => {
  let server: Server;
  let url: string;
  let asked: () => void;
  const firstRequest = new Promise<void>((resolve) => (asked = resolve));
  beforeAll(async () => {
    // Answers readiness; never answers features.
    server = createServer(() => asked());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/features`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("stops the terminal's progress bar: no timer of the run is left once it has thrown", async () => {
    const repo = new TempRepo();
    try {
      repo.write('train.csv', 'id,x\na,1\nb,2\nc,3\n');
      const config = resolveConfig(
        { source: { path: 'train.csv', key: 'id' }, offline: { columns: ['x'] }, serving: { url, timeoutMs: 60_000 }, checks: { generatedParity: false, inputContract: false }, failures: { remember: false } },
        { rootDir: repo.dir },
      );
      // A terminal: the reporter draws a bar on it.
      const terminal = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: true, columns: 100 });
      const reporter = new ReporterMultiplexer([createTerminalReporter({ out: terminal, progress: terminal })]);
      const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const controller = new AbortController();
      const run = runSkew({ config, cwd: repo.dir, reporter, signal: controller.signal });
      await firstRequest;
      controller.abort(new Error('interrupted'));
      await expect(run).rejects.toMatchObject({ code: 'INTERRUPTED' });
      expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBeLessThanOrEqual(timersBefore);
    } finally {
      repo.remove();
    }
  });
});
