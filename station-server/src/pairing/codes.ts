// Pairing codes: short, read off a TV across a room and typed on a phone. The alphabet leaves out
// look-alikes (0/O, 1/I/L, 5/S, 2/Z, 8/B), codes live a few minutes and are used once. They are kept
// in the store (one code path whatever the engine), so a phone on any station instance, or on one
// started after the code was shown, can redeem it, and only one phone can.
import { randomInt } from 'node:crypto';
import type { PairingStore, RedeemedCode } from '../library/store.js';

export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a person typed, made comparable: case, spaces and dashes do not matter. */
export const normalizeCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

/** A code that is not in the alphabet's shape is not looked up. */
const CODE_SHAPE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export interface CodeBook {
  /** A fresh code for a TV, replacing its previous one. */
  issue(tvId: string): Promise<{ code: string; expiresAt: number }>;
  /** The TV a code belongs to, consuming the code; undefined if no TV holds it. */
  redeem(typed: string): Promise<RedeemedCode>;
  /** Forgets codes expired more than a lifetime ago (until then a late phone is told "expired"). */
  sweep(): Promise<number>;
}

export function createCodeBook(store: Pick<PairingStore, 'putCode' | 'redeemCode' | 'expireCodes'>, ttlMs: number, now: () => number = Date.now): CodeBook {
  return {
    async issue(tvId) {
      const expiresAt = now() + ttlMs;
      // 25^6 codes: a clash with another TV's code is rare; a few tries always find a free one.
      for (let tries = 0; ; tries++) {
        const code = newCode();
        if (await store.putCode(code, tvId, expiresAt)) return { code, expiresAt };
        if (tries >= 20) throw new Error('no free pairing code after 20 tries');
      }
    },
    async redeem(typed) {
      const code = normalizeCode(typed);
      return CODE_SHAPE.test(code) ? store.redeemCode(code, now()) : undefined;
    },
    sweep: () => store.expireCodes(now() - ttlMs),
  };
}
