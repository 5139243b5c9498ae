// Pairings and dedications, persisted in the library's SQLite file, so they survive network blips
// and restarts. Tokens are stored only as SHA-256 hashes: a copy of the database cannot pair.
import { createHash, randomBytes } from 'node:crypto';
import type { SongRequest } from '@radio-optimism/shared';
import type { Row, SqliteDatabase } from './sqlite.js';
import { createTvStore, type TvStore } from './tv-store.js';
import type { DedicationChange, DedicationRecord, DedicationStatus, ModerationStatus, NewDedication, PhoneRecord } from './store.js';

export const newToken = (): string => randomBytes(24).toString('base64url'); // 192 bits
const hash = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** The SQLite file's pairings and dedications, synchronous (sqlite-store.ts puts the Store's async face on it). */
export interface SqlitePairing {
  /** A TV by id and token; undefined if the token does not match. */
  tv(tvId: string, token: string): { id: string } | undefined;
  /** A new TV (written behind, with the next batch). */
  addTv(): { id: string; token: string };
  /** TVs: last seen, expiry of unpaired ones, the write-behind batch. */
  readonly tvs: TvStore;
  /** Writes what waits (TVs) before the library closes. */
  flush(): void;
  pairPhone(tvId: string, name: string): { phone: PhoneRecord; sessionToken: string };
  phoneBySession(sessionToken: string): PhoneRecord | undefined;
  phoneById(phoneId: string): PhoneRecord | undefined;
  phones(tvId: string): PhoneRecord[];
  removePhone(phoneId: string): PhoneRecord | undefined;
  addDedication(d: NewDedication): DedicationRecord;
  updateDedication(id: string, change: DedicationChange): DedicationRecord | undefined;
  dedication(id: string): DedicationRecord | undefined;
  /** A phone's latest dedications, newest first (to catch a phone up after a reconnect). */
  recentDedications(phoneId: string, limit: number): DedicationRecord[];
  /** Dedications not finished: after a restart they are made again or reported failed. */
  unfinished(): DedicationRecord[];
  /** Radio dedications waiting for an operator, oldest first, after a (created_at, id) key. */
  moderationQueue(limit: number, after?: { createdAt: string; id: string }): DedicationRecord[];
  /** Radio dedications approved by an operator, newest first. */
  onAir(limit: number): DedicationRecord[];
}


export function createSqlitePairing(db: SqliteDatabase): SqlitePairing {
  const phone = (r: Row): PhoneRecord => ({ id: String(r.id), tvId: String(r.tv_id), name: String(r.name), pairedAt: String(r.paired_at) });
  const dedication = (r: Row): DedicationRecord => ({
    id: String(r.id),
    phoneId: String(r.phone_id),
    tvId: String(r.tv_id),
    target: r.target === 'radio' ? 'radio' : 'tv',
    request: JSON.parse(String(r.request)) as SongRequest,
    status: String(r.status) as DedicationStatus,
    songId: r.song_id === null ? null : String(r.song_id),
    error: r.error === null ? null : String(r.error),
    failure: r.failure === null || r.failure === undefined ? null : String(r.failure),
    attempts: Number(r.attempts),
    moderation: String(r.moderation) as ModerationStatus,
    flags: JSON.parse(String(r.flags)) as string[],
    playedOnTv: Number(r.played_on_tv ?? 0) === 1,
    createdAt: String(r.created_at),
  });
  const now = () => new Date().toISOString();
  const tvs = createTvStore(db);
  // Phones answer every frame with their session; keep them in memory (the table stays the truth).
  const bySession = new Map<string, PhoneRecord | null>();
  const store: SqlitePairing = {
    tv: (tvId, token) => tvs.find(tvId, token),
    addTv: () => tvs.add(newToken()),
    tvs,
    flush: () => tvs.flush(),
    pairPhone(tvId, name) {
      const record: PhoneRecord = { id: `ph_${randomBytes(8).toString('base64url')}`, tvId, name, pairedAt: now() };
      const sessionToken = newToken();
      // The TV a phone pairs with is written first (TVs are otherwise written in batches): a pairing the
      // phone was told about must find its TV after any crash. The phone's fsync covers both.
      tvs.flush();
      db.durable(() => db.run('INSERT INTO phones (id, tv_id, name, session_hash, paired_at) VALUES (?, ?, ?, ?, ?)', [record.id, tvId, name, hash(sessionToken), record.pairedAt]));
      return { phone: record, sessionToken };
    },
    phoneBySession(sessionToken) {
      const key = hash(sessionToken);
      if (!bySession.has(key)) {
        const row = db.get('SELECT * FROM phones WHERE session_hash = ?', [key]);
        bySession.set(key, row ? phone(row) : null);
        if (bySession.size > 100_000) bySession.clear();
      }
      return bySession.get(key) ?? undefined;
    },
    phoneById(phoneId) {
      const row = db.get('SELECT * FROM phones WHERE id = ?', [phoneId]);
      return row ? phone(row) : undefined;
    },
    phones: (tvId) => db.all('SELECT * FROM phones WHERE tv_id = ? ORDER BY paired_at', [tvId]).map(phone),
    removePhone(phoneId) {
      const row = db.get('SELECT * FROM phones WHERE id = ?', [phoneId]);
      if (!row) return undefined;
      db.durable(() => db.run('DELETE FROM phones WHERE id = ?', [phoneId]));
      bySession.clear();
      return phone(row);
    },
    addDedication(d) {
      db.durable(() => db.run('INSERT INTO dedications (id, phone_id, tv_id, target, request, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [d.id, d.phoneId, d.tvId, d.target, JSON.stringify(d.request), 'queued', now()]));
      return store.dedication(d.id)!;
    },
    updateDedication(id, change) {
      const columns: [string, string | number | null][] = [];
      if (change.status !== undefined) columns.push(['status', change.status]);
      if (change.songId !== undefined) columns.push(['song_id', change.songId]);
      if (change.error !== undefined) columns.push(['error', change.error]);
      if (change.failure !== undefined) columns.push(['failure', change.failure]);
      if (change.attempts !== undefined) columns.push(['attempts', change.attempts]);
      if (change.moderation !== undefined) columns.push(['moderation', change.moderation]);
      if (change.flags !== undefined) columns.push(['flags', JSON.stringify(change.flags)]);
      if (change.playedOnTv !== undefined) columns.push(['played_on_tv', change.playedOnTv ? 1 : 0]);
      if (columns.length) db.durable(() => db.run(`UPDATE dedications SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, [...columns.map(([, v]) => v), id]));
      return store.dedication(id);
    },
    dedication(id) {
      const row = db.get('SELECT * FROM dedications WHERE id = ?', [id]);
      return row ? dedication(row) : undefined;
    },
    recentDedications: (phoneId, limit) => db.all('SELECT * FROM dedications WHERE phone_id = ? ORDER BY created_at DESC LIMIT ?', [phoneId, limit]).map(dedication),
    unfinished: () => db.all("SELECT * FROM dedications WHERE status IN ('queued', 'composing') ORDER BY created_at").map(dedication),
    moderationQueue: (limit, after) =>
      db
        .all(`SELECT * FROM dedications WHERE moderation = 'pending' AND status = 'ready'${after ? ' AND (created_at, id) > (?, ?)' : ''} ORDER BY created_at, id LIMIT ?`, [...(after ? [after.createdAt, after.id] : []), limit])
        .map(dedication),
    onAir: (limit) => db.all("SELECT * FROM dedications WHERE moderation = 'approved' ORDER BY created_at DESC LIMIT ?", [limit]).map(dedication),
  };
  return store;
}
