import { describe, expect, it, jest } from '@jest/globals';
import { CODE_ALPHABET, CODE_LENGTH, createCodeBook } from './codes.js';

describe('the code book', () => {
  it('issues single-use codes from the alphabet, one per TV', () => {
    const book = createCodeBook(60_000);
    const first = book.issue('tv_a');
    expect(first.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    const second = book.issue('tv_a');
    expect(book.redeem(first.code)).toBeUndefined(); // replaced by the second
    expect(book.redeem(second.code.toLowerCase())).toEqual({ tvId: 'tv_a' });
    expect(book.redeem(second.code)).toBeUndefined(); // used
    book.destroy();
  });

  it('forgets TVs whose codes expired long ago, so memory does not grow with TVs gone', () => {
    jest.useFakeTimers();
    try {
      let t = 0;
      const book = createCodeBook(60_000, () => t);
      for (let i = 0; i < 100; i++) book.issue(`tv_${i}`);
      expect(book.size()).toBe(100);
      t = 3 * 60_000;
      jest.advanceTimersByTime(60_000);
      expect(book.size()).toBe(0);
      book.destroy();
    } finally {
      jest.useRealTimers();
    }
  });
});

it('a code issued on another instance can be redeemed here once, and a code used elsewhere is gone here', () => {
  const here = createCodeBook(60_000, () => 1000);
  here.learn('ACDEFG', 'tv_remote', 61_000);
  expect(here.redeem('acd-efg')).toEqual({ tvId: 'tv_remote' });
  expect(here.redeem('ACDEFG')).toBeUndefined();
  here.learn('HJKMNP', 'tv_2', 61_000);
  here.forget('HJKMNP');
  expect(here.redeem('HJKMNP')).toBeUndefined();
  expect(here.size()).toBe(0);
  here.destroy();
});
