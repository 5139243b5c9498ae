// A port the kernel says is free right now, for a station started in another process. Drawing one at
// random can land in Linux's ephemeral range (32768–60999), where an outgoing connection may already
// hold it, and the station then dies with EADDRINUSE.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
