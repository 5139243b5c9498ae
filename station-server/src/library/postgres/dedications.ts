// Dedications in PostgreSQL: each change committed before it resolves; the moderation queue is a
// keyset page on a partial index, so a long queue is never loaded whole.
import type { SongRequest } from '@radio-optimism/shared';
import type { DedicationRecord, DedicationStatus, DedicationStore, ModerationStatus } from '../store.js';
import type { Db, PgRow } from './connection.js';
import { decodeCursor, pageLimit } from './cursor.js';
import { pageOf } from './songs.js';
import { createAirQueue } from './air-queue.js';

const toDedication = (r: PgRow): DedicationRecord => ({
  id: String(r.id),
  phoneId: String(r.phone_id),
  tvId: String(r.tv_id),
  target: r.target === 'radio' ? 'radio' : 'tv',
  request: r.request as SongRequest,
  status: String(r.status) as DedicationStatus,
  songId: r.song_id === null ? null : String(r.song_id),
  error: r.error === null ? null : String(r.error),
  failure: r.failure === null ? null : String(r.failure),
  attempts: Number(r.attempts),
  moderation: String(r.moderation) as ModerationStatus,
  flags: r.flags as string[],
  playedOnTv: r.played_on_tv === true,
  createdAt: String(r.created_at),
});

const TO_MODERATE = "moderation = 'pending' AND status = 'ready'";

export function createDedicationStore(db: Db): DedicationStore {
  const bounded = (limit: number) => Math.max(0, Math.min(1000, Math.floor(limit)));
  const store: DedicationStore = {
    async add(d) {
      const rows = await db.query(
        "INSERT INTO dedications (id, phone_id, tv_id, target, request, status, created_at) VALUES ($1, $2, $3, $4, $5, 'queued', $6) RETURNING *",
        [d.id, d.phoneId, d.tvId, d.target, JSON.stringify(d.request), new Date().toISOString()],
      );
      return toDedication(rows[0]!);
    },
    async update(id, change) {
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value)}`);
      if (change.status !== undefined) set('status', change.status);
      if (change.songId !== undefined) set('song_id', change.songId);
      if (change.error !== undefined) set('error', change.error);
      if (change.failure !== undefined) set('failure', change.failure);
      if (change.attempts !== undefined) set('attempts', change.attempts);
      if (change.moderation !== undefined) set('moderation', change.moderation);
      if (change.flags !== undefined) set('flags', JSON.stringify(change.flags));
      if (change.playedOnTv !== undefined) set('played_on_tv', change.playedOnTv);
      if (!sets.length) return store.get(id);
      const row = (await db.query(`UPDATE dedications SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, params))[0];
      return row ? toDedication(row) : undefined;
    },
    async get(id) {
      const row = (await db.query('SELECT * FROM dedications WHERE id = $1', [id]))[0];
      return row ? toDedication(row) : undefined;
    },
    async recent(phoneId, limit) {
      return (await db.query('SELECT * FROM dedications WHERE phone_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [phoneId, bounded(limit)])).map(toDedication);
    },
    async unfinished() {
      return (await db.query("SELECT * FROM dedications WHERE status IN ('queued', 'composing') ORDER BY created_at, id")).map(toDedication);
    },
    async moderationQueue(page) {
      const limit = pageLimit(page.limit);
      const params: unknown[] = [];
      let after = '';
      if (page.cursor !== undefined) {
        const k = decodeCursor(page.cursor);
        params.push(k.createdAt, k.id);
        after = ' AND (created_at, id) > ($1, $2)';
      }
      const rows = await db.query(`SELECT * FROM dedications WHERE ${TO_MODERATE}${after} ORDER BY created_at, id LIMIT ${limit + 1}`, params);
      return pageOf(rows.map(toDedication), limit);
    },
    async onAir(limit) {
      return (await db.query("SELECT * FROM dedications WHERE moderation = 'approved' ORDER BY created_at DESC, id DESC LIMIT $1", [bounded(limit)])).map(toDedication);
    },
    ...createAirQueue(db),
  };
  return store;
}
