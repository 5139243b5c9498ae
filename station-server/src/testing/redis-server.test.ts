// The test Redis: it answers, restarts on the same port, and leaves nothing behind when stopped.
import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { startRedis } from './redis-server.js';

describe('test Redis', () => {
  it('starts on loopback, restarts empty on the same port, and stops without leaving its folder', async () => {
    const server = await startRedis();
    try {
      expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
      const client = new Redis(server.url, { maxRetriesPerRequest: null });
      await client.set('k', 'v');
      const config = (await client.config('GET', 'dir')) as string[];
      const dir = config[1]!;
      expect(existsSync(dir)).toBe(true);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
      await server.restart();
      // The client reconnects by itself; the restarted server kept no data.
      expect(await client.get('k')).toBeNull();
      client.disconnect();
      await server.stop();
      expect(existsSync(dir)).toBe(false);
      const probe = new Redis(server.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      probe.on('error', () => undefined);
      await expect(probe.connect()).rejects.toThrow();
      probe.disconnect();
    } finally {
      await server.stop();
    }
  }, 60_000);
});
