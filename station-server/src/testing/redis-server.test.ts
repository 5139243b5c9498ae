import { connect } from 'node:net';
import { startRedis } from './redis-server.js';

function command(port: number, line: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(`${line}\r\n`));
    socket.once('error', fail);
    socket.once('data', (d) => {
      socket.destroy();
      done(d.toString());
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('redis test server', () => {
  test('starts on loopback, restarts on the same port, and stop kills it', async () => {
    const redis = await startRedis();
    try {
      expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
      expect(await command(redis.port, 'SET k v')).toBe('+OK\r\n');
      const first = redis.pid()!;
      await redis.restart();
      expect(redis.pid()).not.toBe(first);
      expect(alive(first)).toBe(false);
      // No persistence by default: a restart starts empty.
      expect(await command(redis.port, 'GET k')).toBe('$-1\r\n');
    } finally {
      const pid = redis.pid()!;
      await redis.stop();
      expect(alive(pid)).toBe(false);
      expect(redis.pid()).toBeUndefined();
    }
  });

  test('with persistence asked for, data survives a kill -9 and restart', async () => {
    const redis = await startRedis({ persist: true });
    try {
      expect(await command(redis.port, 'SET k kept')).toBe('+OK\r\n');
      await redis.kill();
      expect(redis.pid()).toBeUndefined();
      await redis.restart();
      expect(await command(redis.port, 'GET k')).toBe('$4\r\nkept\r\n');
    } finally {
      await redis.stop();
    }
  });
});
