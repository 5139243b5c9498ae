// TVs and phones in PostgreSQL. Tokens and sessions are stored only as SHA-256 hashes. TVs are
// written behind, as on SQLite: a TV's hello must not wait on the server, so new TVs and "seen"
// times wait in memory and go in one transaction a moment later; a batch the server refuses stays
// in memory and is tried again. A phone's session is looked up in the table every time (no cache):
// another station may have removed the phone.
import { createHash, randomBytes } from 'node:crypto';
import type { PairingStore, PhoneRecord } from '../store.js';
import type { Db, PgRow } from './connection.js';
import { createPairingCodes } from './pairing-codes.js';

export const newToken = (): string => randomBytes(24).toString('base64url'); // 192 bits
const hash = (token: string): string => createHash('sha256').update(token).digest('base64url');

const toPhone = (r: PgRow): PhoneRecord => ({ id: String(r.id), tvId: String(r.tv_id), name: String(r.name), pairedAt: String(r.paired_at) });

export interface PairingOptions {
  log: (line: string) => void;
  /** How long TV writes wait to be batched (default 1 s). */
  flushMs?: number;
  now?: () => number;
}

export function createPairingStore(db: Db, options: PairingOptions): PairingStore & { dispose(): void } {
  const flushMs = options.flushMs ?? 1000;
  const now = options.now ?? Date.now;
  const waiting = new Map<string, { tokenHash: string; createdMs: number }>();
  const seenAt = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let failing = false;
  let disposed = false;
  const later = () => {
    if (timer || disposed) return;
    timer = setTimeout(() => {
      timer = undefined;
      store.flush().catch(() => undefined); // a failed batch re-arms the timer itself
    }, flushMs);
    timer.unref();
  };
  const writeBatch = async (): Promise<void> => {
    if (waiting.size === 0 && seenAt.size === 0) return;
    // Taken out of the maps before the write; put back (unless newer) if the server refuses it.
    const tvs = new Map(waiting);
    const seen = new Map(seenAt);
    waiting.clear();
    seenAt.clear();
    try {
      await db.transaction(async (q) => {
        const ids = [...tvs.keys()];
        if (ids.length) {
          await q(
            `INSERT INTO tvs (id, token_hash, created_ms, last_seen_ms)
             SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) ON CONFLICT (id) DO NOTHING`,
            [ids, ids.map((id) => tvs.get(id)!.tokenHash), ids.map((id) => tvs.get(id)!.createdMs), ids.map((id) => seen.get(id) ?? tvs.get(id)!.createdMs)],
          );
        }
        const old = [...seen.keys()].filter((id) => !tvs.has(id));
        if (old.length) {
          await q(
            `UPDATE tvs SET last_seen_ms = GREATEST(tvs.last_seen_ms, s.at) FROM unnest($1::text[], $2::bigint[]) AS s(id, at) WHERE tvs.id = s.id`,
            [old, old.map((id) => seen.get(id)!)],
          );
        }
      });
      if (failing) options.log('store: TV writes work again');
      failing = false;
    } catch (error) {
      for (const [id, tv] of tvs) if (!waiting.has(id)) waiting.set(id, tv);
      for (const [id, at] of seen) if (!seenAt.has(id)) seenAt.set(id, at);
      if (!failing) options.log(`store: could not save TVs, keeping them in memory: ${(error as Error).message}`);
      failing = true;
      later(); // tried again on the timer, whoever asked for this flush
      throw error;
    }
  };
  const store: PairingStore & { dispose(): void } = {
    async tv(tvId, token) {
      const pending = waiting.get(tvId);
      if (pending) return pending.tokenHash === hash(token) ? { id: tvId } : undefined;
      const row = (await db.query('SELECT id FROM tvs WHERE id = $1 AND token_hash = $2', [tvId, hash(token)]))[0];
      return row ? { id: String(row.id) } : undefined;
    },
    async addTv() {
      const id = `tv_${randomBytes(8).toString('base64url')}`;
      const token = newToken();
      const at = now();
      waiting.set(id, { tokenHash: hash(token), createdMs: at });
      seenAt.set(id, at);
      later();
      return { id, token };
    },
    tvSeen(tvId) {
      seenAt.set(tvId, now());
      later();
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      // One batch at a time, in order: a flush waits for the one already going.
      writing = writing.catch(() => undefined).then(writeBatch);
      return writing;
    },
    async expireUnpairedTvs(before) {
      await store.flush();
      const rows = await db.query('DELETE FROM tvs WHERE last_seen_ms < $1 AND NOT EXISTS (SELECT 1 FROM phones WHERE phones.tv_id = tvs.id) RETURNING id', [before]);
      return rows.length;
    },
    async pairPhone(tvId, name) {
      const phone: PhoneRecord = { id: `ph_${randomBytes(8).toString('base64url')}`, tvId, name, pairedAt: new Date().toISOString() };
      const sessionToken = newToken();
      // The TV a phone pairs with is written first: a pairing the phone was told about must find its TV.
      await store.flush();
      await db.query('INSERT INTO phones (id, tv_id, name, session_hash, paired_at) VALUES ($1, $2, $3, $4, $5)', [phone.id, tvId, name, hash(sessionToken), phone.pairedAt]);
      return { phone, sessionToken };
    },
    async phoneBySession(sessionToken) {
      const row = (await db.query('SELECT * FROM phones WHERE session_hash = $1', [hash(sessionToken)]))[0];
      return row ? toPhone(row) : undefined;
    },
    async phoneById(phoneId) {
      const row = (await db.query('SELECT * FROM phones WHERE id = $1', [phoneId]))[0];
      return row ? toPhone(row) : undefined;
    },
    async phones(tvId) {
      return (await db.query('SELECT * FROM phones WHERE tv_id = $1 ORDER BY paired_at, id', [tvId])).map(toPhone);
    },
    async removePhone(phoneId) {
      const row = (await db.query('DELETE FROM phones WHERE id = $1 RETURNING *', [phoneId]))[0];
      return row ? toPhone(row) : undefined;
    },
    ...createPairingCodes(db),
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
  return store;
}
