// TVs' pairing codes in the SQLite file: one table whichever engine, so the hub has one code path.
// Codes live minutes and a lost one only means the TV shows a new one: written without an fsync.
import type { SqliteDatabase } from './sqlite.js';
import type { PairingStore } from './store.js';

export type SqlitePairingCodes = Pick<PairingStore, 'putCode' | 'redeemCode' | 'expireCodes'>;

export function createSqlitePairingCodes(db: SqliteDatabase): SqlitePairingCodes {
  return {
    async putCode(code, tvId, expiresAtMs) {
      return db.transaction(() => {
        const holder = db.get('SELECT tv_id FROM pairing_codes WHERE code = ?', [code]);
        if (holder && holder.tv_id !== tvId) return false;
        db.run('DELETE FROM pairing_codes WHERE tv_id = ?', [tvId]);
        db.run('INSERT INTO pairing_codes (code, tv_id, expires_ms) VALUES (?, ?, ?)', [code, tvId, Math.round(expiresAtMs)]);
        return true;
      });
    },
    async redeemCode(code, nowMs) {
      // Found and deleted in one transaction (SQLite's single writer): a code pairs one phone.
      return db.transaction(() => {
        const row = db.get('SELECT tv_id, expires_ms FROM pairing_codes WHERE code = ?', [code]);
        if (!row) return undefined;
        db.run('DELETE FROM pairing_codes WHERE code = ?', [code]);
        return Number(row.expires_ms) < nowMs ? { expired: true as const } : { tvId: String(row.tv_id) };
      });
    },
    async expireCodes(beforeMs) {
      return db.transaction(() => {
        const gone = Number(db.get('SELECT COUNT(*) AS n FROM pairing_codes WHERE expires_ms < ?', [beforeMs])!.n);
        if (gone) db.run('DELETE FROM pairing_codes WHERE expires_ms < ?', [beforeMs]);
        return gone;
      });
    },
  };
}
