import fc from 'fast-check';
import { createHttpClient, type HttpClient, type HttpOutcome } from '../../../harness/adapters/serving/http-client';
import { decodeUtf8, firstInvalidUtf8Offset } from '../../../harness/adapters/serving/decode-utf8';
import { startTestServer, type TestServer } from './test-server';

/** The HTTP client against a real server on 127.0.0.1: deadline, size limit, redirects, UTF-8. */
describe('http client', () => {
  let server: TestServer | null = null;
  let client: HttpClient | null = null;
  afterEach(async () => {
    client?.close();
    await server?.close();
    client = null;
    server = null;
  });
  const open = (options: { timeoutMs?: number; maxResponseBytes?: number } = {}): HttpClient =>
    (client = createHttpClient({ maxSockets: 2, timeoutMs: options.timeoutMs ?? 5000, maxResponseBytes: options.maxResponseBytes ?? 1024 * 1024, headers: {} }));
  const failureOf = (outcome: HttpOutcome) => (outcome.kind === 'failure' ? outcome.failure : null);

  /** Headers at once, then one byte every 20 ms, for ever (an idle-socket timeout never fires). */
  const trickle = () =>
    startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    });

  it('bounds the whole request: a server trickling its body is cut off at timeoutMs, as a timeout', async () => {
    server = await trickle();
    const outcome = await open({ timeoutMs: 150 }).send({ method: 'POST', url: `${server.url}/f`, body: '{}' });
    expect(failureOf(outcome)).toEqual({ kind: 'timeout', code: 'ETIMEDOUT', detail: 'no complete response within 150 ms' });
  });

  it('reports the caller\'s abort as aborted, not as a timeout', async () => {
    server = await trickle();
    const controller = new AbortController();
    const sending = open({ timeoutMs: 60_000 }).send({ method: 'POST', url: `${server.url}/f`, body: '{}', signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(failureOf(await sending)).toMatchObject({ kind: 'aborted' });
  });

  it('stops reading a body over maxResponseBytes (an endless one too), as too-large', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const timer = setInterval(() => res.write(chunk), 1);
      res.on('close', () => clearInterval(timer));
    });
    const outcome = await open({ maxResponseBytes: 64 * 1024 }).send({ method: 'GET', url: `${server.url}/f` });
    expect(failureOf(outcome)).toMatchObject({ kind: 'too-large' });
  });

  it('reads a body of exactly maxResponseBytes', async () => {
    const body = `"${'a'.repeat(998)}"`;
    server = await startTestServer((_req, res) => void res.end(body));
    const outcome = await open({ maxResponseBytes: 1000 }).send({ method: 'GET', url: `${server.url}/f` });
    expect(outcome).toMatchObject({ kind: 'response', status: 200, body, invalidUtf8At: null });
  });

  it('does not follow a redirect, and says where it pointed', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(307, { location: 'https://elsewhere.example/features' });
      res.end();
    });
    const outcome = await open().send({ method: 'POST', url: `${server.url}/f`, body: '{}' });
    expect(outcome).toMatchObject({ kind: 'response', status: 307, location: 'https://elsewhere.example/features' });
    expect(server.requests).toHaveLength(1);
  });

  it('decodes UTF-8 (dropping a byte-order mark) and gives the offset of bytes that are not UTF-8', async () => {
    const bodies: Record<string, Buffer> = {
      '/utf8': Buffer.from('\uFEFF{"city":"Malmö ✓ 𝄞"}', 'utf8'),
      '/latin1': Buffer.from('{"city":"Malmö"}', 'latin1'),
    };
    server = await startTestServer((req, res) => void res.end(bodies[req.url]));
    const http = open();
    expect(await http.send({ method: 'GET', url: `${server.url}/utf8` })).toMatchObject({ body: '{"city":"Malmö ✓ 𝄞"}', invalidUtf8At: null });
    expect(await http.send({ method: 'GET', url: `${server.url}/latin1` })).toMatchObject({ invalidUtf8At: 13 });
  });
});

describe('UTF-8 validation', () => {
  it('finds the first invalid sequence exactly where a fatal TextDecoder stops', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const valid = (bytes: Uint8Array): boolean => {
      try {
        fatal.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Bytes biased towards the interesting ranges: ASCII, continuation bytes, lead bytes (valid and not).
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }));
    const text = fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => [...Buffer.from(s, 'utf8')]);
    fc.assert(
      fc.property(fc.array(fc.oneof(byte.map((b) => [b]), text), { maxLength: 12 }), (parts) => {
        const bytes = Uint8Array.from(parts.flat());
        const offset = firstInvalidUtf8Offset(bytes);
        expect(offset === null).toBe(valid(bytes));
        if (offset !== null) {
          // Everything before the offset is UTF-8: the offset is the first bad sequence, not just some bad one.
          expect(valid(bytes.subarray(0, offset))).toBe(true);
          expect(decodeUtf8(bytes)).toMatchObject({ kind: 'invalid', offset });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names surrogates, overlong forms, code points above U+10FFFF and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // U+D800
    expect(firstInvalidUtf8Offset(Uint8Array.from([0xc0, 0xaf]))).toBe(0); // overlong "/"
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0x62, 0xf4, 0x90, 0x80, 0x80]))).toBe(2); // U+110000
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0xe2, 0x9c]))).toBe(1); // "✓" cut short
    expect(firstInvalidUtf8Offset(Buffer.from('Malmö ✓ 𝄞'))).toBeNull();
  });
});
