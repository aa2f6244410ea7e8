import net from 'node:net';

/**
 * Asks the OS for a free TCP port on `host` (listen on port 0, read the port, close). Another process could take
 * the port before the server binds it; that window is milliseconds, and a server that fails to bind exits early,
 * which `startLocalServer` reports with its output.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error(`could not read a free port on ${host}`))));
    });
  });
}
