// Rate-limit windows that keep an attack out (wrong pairing codes per address), kept across restarts
// so a restart does not hand a code guesser a fresh budget. Written in batches by the limiter.
import type { SqliteDatabase } from './sqlite.js';
import type { LimitStore } from './store.js';

export function createSqliteLimits(db: SqliteDatabase): LimitStore {
  return {
    load: async (kind) => db.all('SELECT key, start, count FROM limit_windows WHERE kind = ?', [kind]).map((r) => ({ key: String(r.key), start: Number(r.start), count: Number(r.count) })),
    async save(kind, changed, expiredBefore) {
      db.transaction(() => {
        for (const w of changed) db.run('INSERT OR REPLACE INTO limit_windows (kind, key, start, count) VALUES (?, ?, ?, ?)', [kind, w.key, w.start, w.count]);
        db.run('DELETE FROM limit_windows WHERE kind = ? AND start < ?', [kind, expiredBefore]);
      });
    },
  };
}
