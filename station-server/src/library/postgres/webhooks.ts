// Webhooks and their deliveries in PostgreSQL: claiming skips rows another instance holds (FOR UPDATE
// SKIP LOCKED), so several stations share the retries without sending one twice at once.
import type { DeliveryRecord, WebhookRecord, WebhookStore } from '../store.js';
import { newWebhookId, toDelivery, toWebhook } from '../webhook-store.js';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.js';
import type { Db } from './connection.js';

export function createWebhookStore(db: Db): WebhookStore {
  const get = async (id: string) => {
    const [r] = await db.query('SELECT * FROM webhooks WHERE id = $1', [id]);
    return r && toWebhook(r);
  };
  return {
    async add(hook) {
      const record: WebhookRecord = { id: newWebhookId('wh'), createdAt: new Date().toISOString(), ...hook, events: [...hook.events] };
      await db.query('INSERT INTO webhooks (id, url, events, format, secret, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        record.id, record.url, JSON.stringify(record.events), record.format, record.secret, record.createdBy, record.createdAt,
      ]);
      return record;
    },
    get,
    list: async () => (await db.query('SELECT * FROM webhooks ORDER BY created_at, id')).map(toWebhook),
    async remove(id) {
      // Its deliveries go with it (ON DELETE CASCADE).
      const [r] = await db.query('DELETE FROM webhooks WHERE id = $1 RETURNING *', [id]);
      return r && toWebhook(r);
    },
    async enqueue(hookId, event, body, atMs) {
      const d: DeliveryRecord = { id: newWebhookId('dl'), hookId, event, body, status: 'pending', attempts: 0, nextAtMs: atMs, lastStatus: null, lastError: null, createdAt: new Date().toISOString() };
      await db.query('INSERT INTO webhook_deliveries (id, hook_id, event, body, status, attempts, next_at_ms, last_status, last_error, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL, $8)', [
        d.id, d.hookId, d.event, d.body, d.status, d.attempts, d.nextAtMs, d.createdAt,
      ]);
      return d;
    },
    async claimDue(nowMs, limit, holdUntilMs) {
      const rows = await db.query(
        `UPDATE webhook_deliveries SET next_at_ms = $3 WHERE id IN (
           SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_at_ms <= $1 ORDER BY next_at_ms, id LIMIT $2 FOR UPDATE SKIP LOCKED
         ) RETURNING *`,
        [nowMs, Math.max(0, Math.floor(limit)), holdUntilMs],
      );
      return rows.map(toDelivery).sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async settle(id, o) {
      await db.query('UPDATE webhook_deliveries SET status = $1, attempts = $2, next_at_ms = $3, last_status = $4, last_error = $5 WHERE id = $6', [o.status, o.attempts, o.nextAtMs, o.lastStatus, o.lastError, id]);
    },
    async deliveries(page, hookId) {
      const limit = pageLimit(page.limit);
      const k = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (hookId !== undefined) {
        params.push(hookId);
        where.push(`hook_id = $${params.length}`);
      }
      if (k) {
        params.push(k.createdAt, k.id);
        where.push(`(created_at, id) < ($${params.length - 1}, $${params.length})`);
      }
      const rows = await db.query(`SELECT * FROM webhook_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`, params);
      const items = rows.slice(0, limit).map(toDelivery);
      const last = items[items.length - 1];
      return rows.length > limit && last ? { items, next: encodeCursor({ createdAt: last.createdAt, id: last.id }) } : { items };
    },
    async prune(beforeIso) {
      return (await db.query("DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < $1 RETURNING 1", [beforeIso])).length;
    },
  };
}
