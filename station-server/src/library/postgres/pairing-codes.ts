// TVs' pairing codes in PostgreSQL, so a phone on any instance can type a code a TV on another shows,
// and a code pairs one phone only: redeeming is one DELETE … RETURNING, which one caller wins.
import type { PairingStore } from '../store.js';
import type { Db } from './connection.js';

export type PairingCodes = Pick<PairingStore, 'putCode' | 'redeemCode' | 'expireCodes'>;

export function createPairingCodes(db: Db): PairingCodes {
  return {
    async putCode(code, tvId, expiresAtMs) {
      return db.transaction(async (q) => {
        // Taken only if free or already this TV's; another TV's code is left alone.
        const taken = await q(
          `INSERT INTO pairing_codes (code, tv_id, expires_ms) VALUES ($1, $2, $3)
           ON CONFLICT (code) DO UPDATE SET expires_ms = EXCLUDED.expires_ms WHERE pairing_codes.tv_id = EXCLUDED.tv_id RETURNING code`,
          [code, tvId, Math.round(expiresAtMs)],
        );
        if (!taken.length) return false;
        await q('DELETE FROM pairing_codes WHERE tv_id = $1 AND code <> $2', [tvId, code]);
        return true;
      });
    },
    async redeemCode(code, nowMs) {
      const row = (await db.query('DELETE FROM pairing_codes WHERE code = $1 RETURNING tv_id, expires_ms', [code]))[0];
      if (!row) return undefined;
      return Number(row.expires_ms) < nowMs ? { expired: true as const } : { tvId: String(row.tv_id) };
    },
    async expireCodes(beforeMs) {
      return (await db.query('DELETE FROM pairing_codes WHERE expires_ms < $1 RETURNING code', [Math.round(beforeMs)])).length;
    },
  };
}
