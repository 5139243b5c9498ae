import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_ALPHABET, CODE_LENGTH, createCodeBook } from './codes.js';
import { openSqliteStore, type SqliteStore } from '../library/sqlite-store.js';

describe('the code book (kept in the store)', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'codes-'));
    store = openSqliteStore(dir, { log: () => undefined });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('issues single-use codes from the alphabet, one per TV', async () => {
    const book = createCodeBook(store.pairing, 60_000);
    const first = await book.issue('tv_a');
    expect(first.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    const second = await book.issue('tv_a');
    if (second.code !== first.code) expect(await book.redeem(first.code)).toBeUndefined(); // replaced by the second
    expect(await book.redeem(`${second.code.slice(0, 3).toLowerCase()}-${second.code.slice(3)}`)).toEqual({ tvId: 'tv_a' });
    expect(await book.redeem(second.code)).toBeUndefined(); // used
  });

  it('a code issued before a restart (or on another instance) redeems once after it', async () => {
    const { code } = await createCodeBook(store.pairing, 60_000).issue('tv_a');
    await store.close();
    store = openSqliteStore(dir, { log: () => undefined });
    const book = createCodeBook(store.pairing, 60_000);
    expect(await book.redeem(code)).toEqual({ tvId: 'tv_a' });
    expect(await book.redeem(code)).toBeUndefined();
  });

  it('says a code expired after its lifetime, and forgets it a lifetime later, so the table does not grow with TVs gone', async () => {
    let t = 0;
    const book = createCodeBook(store.pairing, 60_000, () => t);
    const codes = [];
    for (let i = 0; i < 20; i++) codes.push((await book.issue(`tv_${i}`)).code);
    t = 61_000;
    expect(await book.redeem(codes[0]!)).toEqual({ expired: true });
    expect(await book.sweep()).toBe(0); // expired a moment ago: a late phone still hears "expired"
    t = 2 * 60_000 + 1;
    expect(await book.sweep()).toBe(19);
    expect(await book.redeem(codes[1]!)).toBeUndefined();
  });

  it('does not look up what is not shaped like a code', async () => {
    const book = createCodeBook(store.pairing, 60_000);
    expect(await book.redeem('')).toBeUndefined();
    expect(await book.redeem('0000000000')).toBeUndefined();
  });
});
