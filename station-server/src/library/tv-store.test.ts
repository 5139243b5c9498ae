import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

describe('TVs in the library', () => {
  let dir: string;
  let library: SqliteStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tv-store-'));
    library = openSqliteStore(dir);
  });
  afterEach(async () => {
    await library.close();
    await rm(dir, { recursive: true, force: true });
  });

  const rows = async (at: string) => {
    // A second connection sees only what was committed.
    const other = openSqliteStore(at);
    try {
      return other.tvCount();
    } finally {
      await other.close();
    }
  };

  it('writes new TVs behind, together, and finds them before and after the write', async () => {
    const tvs = await Promise.all(Array.from({ length: 200 }, () => library.pairing.addTv()));
    expect(await library.pairing.tv(tvs[0]!.id, tvs[0]!.token)).toEqual({ id: tvs[0]!.id });
    expect(await library.pairing.tv(tvs[0]!.id, tvs[1]!.token)).toBeUndefined();
    await library.pairing.flush();
    expect(library.tvCount()).toBe(200);
    expect(await library.pairing.tv(tvs[199]!.id, tvs[199]!.token)).toEqual({ id: tvs[199]!.id });
  });

  it('does not write a row per hello: nothing reaches the file until the batch', async () => {
    await library.pairing.addTv();
    await library.pairing.addTv();
    expect(await rows(dir)).toBe(0);
    await library.pairing.flush();
    expect(await rows(dir)).toBe(2);
  });

  it('forgets TVs no phone is paired with once they have not been seen for a while, and keeps paired ones', async () => {
    const lonely = await library.pairing.addTv();
    const paired = await library.pairing.addTv();
    await library.pairing.pairPhone(paired.id, 'Phone');
    await library.pairing.flush();
    expect(await library.pairing.expireUnpairedTvs(Date.now() - 60_000)).toBe(0); // seen just now
    expect(await library.pairing.expireUnpairedTvs(Date.now() + 1000)).toBe(1);
    expect(await library.pairing.tv(lonely.id, lonely.token)).toBeUndefined();
    expect(await library.pairing.tv(paired.id, paired.token)).toEqual({ id: paired.id });
  });

  it('keeps a wrong-code lockout window across a reopen', async () => {
    await library.limits.save('wrong-codes', [{ key: '10.0.0.1', start: 1000, count: 5 }], 0);
    await library.close();
    library = openSqliteStore(dir);
    expect(await library.limits.load('wrong-codes')).toEqual([{ key: '10.0.0.1', start: 1000, count: 5 }]);
    await library.limits.save('wrong-codes', [], 2000);
    expect(await library.limits.load('wrong-codes')).toEqual([]);
  });
});
