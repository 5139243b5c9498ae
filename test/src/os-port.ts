// A port the kernel says is free right now. station-process.ts's freePort() draws from 20000–39999,
// which overlaps Linux's ephemeral range (32768–60999): an outgoing connection can hold the port
// and the station then dies with EADDRINUSE. Asking the kernel avoids that.
import { createServer } from 'node:net';

export function osPort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
