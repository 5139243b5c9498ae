import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { startPostgres } from './postgres-server.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a throwaway PostgreSQL server', () => {
  it('starts on loopback, takes queries, and stop() kills it and removes its folder', async () => {
    const server = await startPostgres();
    try {
      expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/radio$/);
      const client = new pg.Client({ connectionString: await server.createDatabase('other') });
      await client.connect();
      const rows = (await client.query("SELECT current_database() AS db, current_setting('listen_addresses') AS listen")).rows;
      await client.end();
      expect(rows).toEqual([{ db: 'other', listen: '127.0.0.1' }]);
      expect(existsSync(server.dir)).toBe(true);
      expect(alive(server.pid)).toBe(true);
      // A restart keeps the port and the data.
      const first = server.pid;
      await server.restart();
      expect(server.pid).not.toBe(first);
      expect(alive(first)).toBe(false);
      const again = new pg.Client({ connectionString: server.url.replace(/radio$/, 'other') });
      await again.connect();
      expect((await again.query('SELECT current_database() AS db')).rows).toEqual([{ db: 'other' }]);
      await again.end();
    } finally {
      await server.stop();
    }
    expect(existsSync(server.dir)).toBe(false);
    expect(alive(server.pid)).toBe(false);
    await server.stop(); // twice is fine
  });

  it('fails to start with one clear line and leaves nothing behind', async () => {
    const error = await startPostgres({ settings: { shared_buffers: 'not-a-size' } }).then(() => undefined, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(/PostgreSQL exited while starting/);
    expect(error!.message).toMatch(/shared_buffers/);
  });
});
