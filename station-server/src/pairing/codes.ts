// Pairing codes: short, read off a TV across a room and typed on a phone. The alphabet leaves out
// look-alikes (0/O, 1/I/L, 5/S, 2/Z, 8/B), codes live a few minutes and are used once.
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a person typed, made comparable: case, spaces and dashes do not matter. */
export const normalizeCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

export interface CodeBook {
  /** A fresh code for a TV, replacing its previous one. */
  issue(tvId: string): { code: string; expiresAt: number };
  /** The TV a code belongs to, consuming the code; undefined if unknown or expired. */
  redeem(typed: string): { tvId: string } | { expired: true } | undefined;
  /** A code another station instance issued (told over the bus), so a phone here can redeem it. */
  learn(code: string, tvId: string, expiresAt: number): void;
  /** A code redeemed elsewhere: it is used, here too. */
  forget(code: string): void;
  /** TVs holding a code (for tests: memory does not grow with TVs long gone). */
  size(): number;
  destroy(): void;
}

export function createCodeBook(ttlMs: number, now: () => number = Date.now): CodeBook {
  const byCode = new Map<string, { tvId: string; expiresAt: number }>();
  const byTv = new Map<string, string>();
  const sweep = setInterval(() => {
    const at = now();
    for (const [code, entry] of byCode) {
      if (entry.expiresAt + ttlMs >= at) continue;
      byCode.delete(code);
      if (byTv.get(entry.tvId) === code) byTv.delete(entry.tvId); // a TV long gone is forgotten here too
    }
  }, 60_000);
  sweep.unref();
  return {
    issue(tvId) {
      const old = byTv.get(tvId);
      if (old) byCode.delete(old);
      let code = newCode();
      while (byCode.has(code)) code = newCode();
      const expiresAt = now() + ttlMs;
      byCode.set(code, { tvId, expiresAt });
      byTv.set(tvId, code);
      return { code, expiresAt };
    },
    redeem(typed) {
      const code = normalizeCode(typed);
      const entry = byCode.get(code);
      if (!entry) return undefined;
      byCode.delete(code);
      if (byTv.get(entry.tvId) === code) byTv.delete(entry.tvId);
      return entry.expiresAt < now() ? { expired: true } : { tvId: entry.tvId };
    },
    learn(code, tvId, expiresAt) {
      const old = byTv.get(tvId);
      if (old && old !== code) byCode.delete(old);
      byCode.set(code, { tvId, expiresAt });
      byTv.set(tvId, code);
    },
    forget(code) {
      const entry = byCode.get(code);
      if (!entry) return;
      byCode.delete(code);
      if (byTv.get(entry.tvId) === code) byTv.delete(entry.tvId);
    },
    size: () => byTv.size,
    destroy: () => clearInterval(sweep),
  };
}
