// The store contract for TVs' pairing codes: one code per TV, redeemed once (also when two phones
// race for it), and an expired code never pairs.
import { describe, expect, it } from '@jest/globals';
import type { Store } from './store.js';

export function describeCodeContract(store: () => Store): void {
  describe('pairing codes', () => {
    it('redeems a code once, for its TV', async () => {
      const p = store().pairing;
      expect(await p.putCode('ACDEFG', 'tv_a', 10_000)).toBe(true);
      expect(await p.redeemCode('ACDEFG', 5_000)).toEqual({ tvId: 'tv_a' });
      expect(await p.redeemCode('ACDEFG', 5_000)).toBeUndefined();
      expect(await p.redeemCode('NOSUCH', 5_000)).toBeUndefined();
    });

    it('says an expired code expired, once, and never pairs with it', async () => {
      const p = store().pairing;
      await p.putCode('ACDEFG', 'tv_a', 10_000);
      expect(await p.redeemCode('ACDEFG', 10_001)).toEqual({ expired: true });
      expect(await p.redeemCode('ACDEFG', 5_000)).toBeUndefined();
    });

    it('gives a TV one code at a time: a new one replaces the old', async () => {
      const p = store().pairing;
      await p.putCode('ACDEFG', 'tv_a', 10_000);
      await p.putCode('HJKMNP', 'tv_a', 20_000);
      expect(await p.redeemCode('ACDEFG', 5_000)).toBeUndefined();
      expect(await p.redeemCode('HJKMNP', 5_000)).toEqual({ tvId: 'tv_a' });
    });

    it("refuses a code another TV holds, leaving that TV's code as it was", async () => {
      const p = store().pairing;
      await p.putCode('ACDEFG', 'tv_a', 10_000);
      expect(await p.putCode('ACDEFG', 'tv_b', 20_000)).toBe(false);
      expect(await p.putCode('ACDEFG', 'tv_a', 30_000)).toBe(true); // its own again: a new expiry
      expect(await p.redeemCode('ACDEFG', 25_000)).toEqual({ tvId: 'tv_a' });
    });

    it('lets one of many phones redeeming the same code at once pair', async () => {
      const p = store().pairing;
      await p.putCode('QRTUVW', 'tv_a', 10_000);
      const found = await Promise.all(Array.from({ length: 8 }, () => p.redeemCode('QRTUVW', 5_000)));
      expect(found.filter((f) => f && 'tvId' in f)).toEqual([{ tvId: 'tv_a' }]);
    });

    it('forgets codes expired before a time, and says how many', async () => {
      const p = store().pairing;
      await p.putCode('AAAAAA', 'tv_a', 1_000);
      await p.putCode('CCCCCC', 'tv_c', 2_000);
      await p.putCode('DDDDDD', 'tv_d', 9_000);
      expect(await p.expireCodes(5_000)).toBe(2);
      expect(await p.redeemCode('AAAAAA', 0)).toBeUndefined();
      expect(await p.redeemCode('DDDDDD', 0)).toEqual({ tvId: 'tv_d' });
      expect(await p.expireCodes(5_000)).toBe(0);
    });
  });
}
