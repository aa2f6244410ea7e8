import { AbortScope } from '../../../harness/adapters/serving/abort-scope';
import { sleep } from '../../../harness/adapters/serving/abortable-sleep';
import { createConcurrencyLimiter } from '../../../harness/adapters/serving/concurrency-limiter';
import { DeadlineQueue, type DeadlineEntry } from '../../../harness/adapters/serving/deadline-queue';
import { createHttpClient } from '../../../harness/adapters/serving/http-client';
import { parseResponseHeaders, singleHeader } from '../../../harness/adapters/serving/response-headers';
import { createUndiciTransport } from '../../../harness/adapters/serving/undici-transport';
import { startTestServer, type TestServer } from './test-server';

describe('AbortScope', () => {
  it('calls each listener once, in the order added, and none added or removed before the abort', () => {
    const scope = new AbortScope();
    const calls: string[] = [];
    const removed = (): number => calls.push('removed');
    scope.addEventListener('abort', () => calls.push('first'));
    scope.addEventListener('abort', removed);
    scope.addEventListener('abort', () => calls.push('second'));
    scope.removeEventListener('abort', removed);
    expect(scope.aborted).toBe(false);
    scope.abort();
    scope.abort();
    scope.addEventListener('abort', () => calls.push('late'));
    expect(scope.aborted).toBe(true);
    expect(calls).toEqual(['first', 'second']);
  });

  it('stops the waits of the serving layers as an AbortSignal does', async () => {
    const scope = new AbortScope();
    const limiter = createConcurrencyLimiter(1);
    const held = limiter.tryAcquire();
    expect(held).not.toBeNull();
    const waiting = limiter.acquire(scope);
    const sleeping = sleep(60_000, scope);
    scope.abort();
    await expect(sleeping).resolves.toBe(false);
    await expect(waiting).resolves.toBeNull();
    // The cancelled waiter took nothing: the permit goes to the next one.
    held!();
    expect(limiter.tryAcquire()).not.toBeNull();
  });

  it('aborts a request on the wire at once, and the outcome says aborted', async () => {
    let requests = 0;
    const server: TestServer = await startTestServer(() => {
      requests++; // never answers
    });
    const client = createHttpClient({ maxSockets: 1, timeoutMs: 60_000, maxResponseBytes: 1000, headers: {} });
    try {
      const scope = new AbortScope();
      const pending = client.send({ method: 'POST', url: `${server.url}/slow`, body: '{}', signal: scope });
      while (requests === 0) await sleep(5);
      scope.abort();
      await expect(pending).resolves.toEqual({ kind: 'failure', failure: { kind: 'aborted', code: 'ERR_CANCELED', detail: 'aborted' } });
    } finally {
      client.close();
      await server.close();
    }
  });
});

describe('response headers from undici raw list', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer((_req, res) => {
      res.setHeader('Retry-After', ['1', '2']);
      res.setHeader('Location', '/there');
      res.setHeader('X-Twice', ['a', 'b']);
      res.setHeader('__proto__', 'polluting?');
      res.end('{}');
    });
  });
  afterAll(() => server.close());

  it('reads names in any case, keeps repeated headers as arrays, and gives __proto__ no special meaning', async () => {
    const transport = createUndiciTransport({ maxSockets: 1, connectTimeoutMs: 2000, keepAlive: false, envProxy: false });
    try {
      const url = new URL(server.url);
      const response = await transport.send({ origin: url.origin, path: '/', method: 'GET', headers: {}, body: null, maxResponseBytes: -1 });
      const headers = parseResponseHeaders(response.rawHeaders);
      expect(headers['location']).toBe('/there');
      expect(headers['x-twice']).toEqual(['a', 'b']);
      expect(headers['retry-after']).toEqual(['1', '2']);
      expect(Object.getOwnPropertyDescriptor(headers, '__proto__')?.value).toBe('polluting?');
      expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
      // One value or none: a header sent twice cannot be acted on.
      expect(singleHeader(response.rawHeaders, 'location')).toBe('/there');
      expect(singleHeader(response.rawHeaders, 'retry-after')).toBeUndefined();
      expect(singleHeader(response.rawHeaders, 'x-absent')).toBeUndefined();
    } finally {
      transport.close();
    }
  });
});

describe('DeadlineQueue', () => {
  it('expires entries in start order at their own deadlines, and never one taken out in time', async () => {
    const queue = new DeadlineQueue(40);
    const expired: Array<{ name: string; lateMs: number }> = [];
    const entry = (name: string): DeadlineEntry => {
      const item: DeadlineEntry = { deadline: 0, expire: () => expired.push({ name, lateMs: performance.now() - item.deadline }) };
      return item;
    };
    const first = entry('first');
    const second = entry('second');
    const third = entry('third');
    queue.add(first);
    await sleep(15);
    queue.add(second);
    await sleep(15);
    queue.add(third);
    queue.delete(second);
    await sleep(90);
    expect(expired.map((e) => e.name)).toEqual(['first', 'third']);
    // Never before the deadline; late only by the timer's granularity (generous for a busy machine).
    for (const e of expired) expect(e.lateMs).toBeGreaterThanOrEqual(0);
    // Empty again: a new entry arms a new timer.
    const fourth = entry('fourth');
    queue.add(fourth);
    await sleep(70);
    expect(expired.map((e) => e.name)).toEqual(['first', 'third', 'fourth']);
  });
});

describe('DeadlineQueue with a deadline longer than a Node timer can wait', () => {
  it('does not expire the entry early, nor warn', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): number => warnings.push(warning.name);
    process.on('warning', onWarning);
    const queue = new DeadlineQueue(3_000_000_000);
    let expired = false;
    const item: DeadlineEntry = { deadline: 0, expire: () => (expired = true) };
    try {
      queue.add(item);
      await sleep(30);
      expect(expired).toBe(false);
      expect(warnings).toEqual([]);
    } finally {
      queue.delete(item);
      process.off('warning', onWarning);
    }
  });
});
