import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from './library.js';

describe('TVs in the library', () => {
  let dir: string;
  let library: Library;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tv-store-'));
    library = openLibrary(dir);
  });
  afterEach(async () => {
    library.close();
    await rm(dir, { recursive: true, force: true });
  });

  const rows = (at: string) => {
    // A second connection sees only what was committed.
    const other = openLibrary(at);
    try {
      return other.pairing.tvs.count();
    } finally {
      other.close();
    }
  };

  it('writes new TVs behind, together, and finds them before and after the write', () => {
    const tvs = Array.from({ length: 200 }, () => library.pairing.addTv());
    expect(library.pairing.tv(tvs[0]!.id, tvs[0]!.token)).toEqual({ id: tvs[0]!.id });
    expect(library.pairing.tv(tvs[0]!.id, tvs[1]!.token)).toBeUndefined();
    library.pairing.flush();
    expect(library.pairing.tvs.count()).toBe(200);
    expect(library.pairing.tv(tvs[199]!.id, tvs[199]!.token)).toEqual({ id: tvs[199]!.id });
  });

  it('does not write a row per hello: nothing reaches the file until the batch', () => {
    library.pairing.addTv();
    library.pairing.addTv();
    expect(rows(dir)).toBe(0);
    library.pairing.flush();
    expect(rows(dir)).toBe(2);
  });

  it('forgets TVs no phone is paired with once they have not been seen for a while, and keeps paired ones', () => {
    const lonely = library.pairing.addTv();
    const paired = library.pairing.addTv();
    library.pairing.pairPhone(paired.id, 'Phone');
    library.pairing.flush();
    expect(library.pairing.tvs.expireUnpaired(Date.now() - 60_000)).toBe(0); // seen just now
    expect(library.pairing.tvs.expireUnpaired(Date.now() + 1000)).toBe(1);
    expect(library.pairing.tv(lonely.id, lonely.token)).toBeUndefined();
    expect(library.pairing.tv(paired.id, paired.token)).toEqual({ id: paired.id });
  });

  it('keeps a wrong-code lockout window across a reopen', () => {
    library.pairing.limits('wrong-codes').save([{ key: '10.0.0.1', start: 1000, count: 5 }], 0);
    library.close();
    library = openLibrary(dir);
    expect(library.pairing.limits('wrong-codes').load()).toEqual([{ key: '10.0.0.1', start: 1000, count: 5 }]);
    library.pairing.limits('wrong-codes').save([], 2000);
    expect(library.pairing.limits('wrong-codes').load()).toEqual([]);
  });
});
