/**
 * The trivial serving endpoint of the serving benchmark: the example's routes (`GET /healthz`, `POST /features`,
 * `POST /features/batch`) with no feature logic — it parses the body and echoes it as the features. What is left is
 * node:http and JSON, the least any Node endpoint costs. `PORT` (default 0) is the port; prints
 * `listening on http://127.0.0.1:<port>`.
 */
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let payload: unknown = { ok: true };
    if (request.url === '/features' || request.url === '/features/batch') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { rows?: unknown };
      payload = { features: request.url === '/features' ? body : body.rows };
    }
    const text = JSON.stringify(payload);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => process.exit(0));
