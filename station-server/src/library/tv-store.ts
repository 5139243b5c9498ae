// TVs, kept in the library's file but written behind: a TV's hello must not wait on the disk (3,000
// hellos, one row each, once stalled every listener for seconds). New TVs and "seen" times are held
// in memory and written together a moment later, in one transaction; a TV no phone is paired with
// and not seen for a while is forgotten, row and all.
import { createHash, randomBytes } from 'node:crypto';
import type { Row, SqliteDatabase } from './sqlite.js';

const hash = (token: string): string => createHash('sha256').update(token).digest('base64url');

export interface TvStore {
  /** A TV by id and token (written or still waiting to be); undefined if the token does not match. */
  find(tvId: string, token: string): { id: string } | undefined;
  /** A new TV with a fresh token (192 bits); written with the next batch. */
  add(token: string): { id: string; token: string };
  /** Notes that a TV was here now; written with the next batch. */
  seen(tvId: string): void;
  /** Writes what waits, in one transaction. */
  flush(): void;
  /** Forgets TVs with no paired phone not seen since `before` (ms since the epoch); how many went. */
  expireUnpaired(before: number): number;
  /** Rows and waiting writes, for tests and the operator's curiosity. */
  count(): number;
  close(): void;
}


export function createTvStore(db: SqliteDatabase, flushMs = 1000, now: () => number = Date.now): TvStore {
  const waiting = new Map<string, { tokenHash: string; createdAt: string }>();
  const seenAt = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      try {
        store.flush();
      } catch {
        later(); // a disk that refuses writes now: what waits stays in memory and is tried again
      }
    }, flushMs);
    timer.unref();
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const store: TvStore = {
    find(tvId, token) {
      const pending = waiting.get(tvId);
      if (pending) return pending.tokenHash === hash(token) ? { id: tvId } : undefined;
      const row = db.get('SELECT id FROM tvs WHERE id = ? AND token_hash = ?', [tvId, hash(token)]) as Row | null;
      return row ? { id: String(row.id) } : undefined;
    },
    add(token) {
      const id = `tv_${randomBytes(8).toString('base64url')}`;
      const at = iso(now());
      waiting.set(id, { tokenHash: hash(token), createdAt: at });
      seenAt.set(id, at);
      later();
      return { id, token };
    },
    seen(tvId) {
      seenAt.set(tvId, iso(now()));
      later();
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (waiting.size === 0 && seenAt.size === 0) return;
      db.transaction(() => {
        for (const [id, tv] of waiting) db.run('INSERT OR IGNORE INTO tvs (id, token_hash, created_at, last_seen) VALUES (?, ?, ?, ?)', [id, tv.tokenHash, tv.createdAt, seenAt.get(id) ?? tv.createdAt]);
        for (const [id, at] of seenAt) if (!waiting.has(id)) db.run('UPDATE tvs SET last_seen = ? WHERE id = ?', [at, id]);
      });
      waiting.clear();
      seenAt.clear();
    },
    expireUnpaired(before) {
      store.flush();
      const cutoff = iso(before);
      const n = Number((db.get('SELECT COUNT(*) AS n FROM tvs WHERE COALESCE(last_seen, created_at) < ? AND id NOT IN (SELECT tv_id FROM phones)', [cutoff]) as Row).n);
      if (n) db.run('DELETE FROM tvs WHERE COALESCE(last_seen, created_at) < ? AND id NOT IN (SELECT tv_id FROM phones)', [cutoff]);
      return n;
    },
    count: () => Number((db.get('SELECT COUNT(*) AS n FROM tvs') as Row).n) + waiting.size,
    close() {
      store.flush();
    },
  };
  return store;
}
