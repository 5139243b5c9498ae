// Webhooks and their deliveries in the SQLite file. A delivery is stored (fsynced) before it is tried,
// so a restart retries whatever was due; claiming holds a delivery for the length of one attempt.
import { randomBytes } from 'node:crypto';
import type { Row, SqliteDatabase } from './sqlite.js';
import type { DeliveryRecord, WebhookEventName, WebhookRecord, WebhookStore } from './store.js';
import { WEBHOOK_EVENTS } from './store.js';
import { decodeCursor, encodeCursor, pageLimit } from './page-cursor.js';

let count = 0;
/** Ids that sort by creation within a process (the log's tie-break), unguessable across processes. */
export const newWebhookId = (prefix: 'wh' | 'dl'): string => `${prefix}${Date.now().toString(36)}${(count++ % 1296).toString(36).padStart(2, '0')}${randomBytes(5).toString('base64url')}`;

export const toEvents = (value: unknown): WebhookEventName[] => {
  const list = (typeof value === 'string' ? JSON.parse(value) : value) as unknown;
  return Array.isArray(list) ? list.filter((e): e is WebhookEventName => (WEBHOOK_EVENTS as readonly string[]).includes(String(e))) : [];
};

export const toWebhook = (r: Record<string, unknown>): WebhookRecord => ({
  id: String(r.id), url: String(r.url), events: toEvents(r.events), format: r.format === 'discord' ? 'discord' : 'json',
  secret: String(r.secret), createdBy: String(r.created_by), createdAt: String(r.created_at),
});

const STATUSES = new Set(['pending', 'delivered', 'failed']);
export const toDelivery = (r: Record<string, unknown>): DeliveryRecord => ({
  id: String(r.id), hookId: String(r.hook_id), event: String(r.event), body: String(r.body),
  status: (STATUSES.has(String(r.status)) ? r.status : 'failed') as DeliveryRecord['status'],
  attempts: Number(r.attempts), nextAtMs: Number(r.next_at_ms),
  lastStatus: r.last_status === null || r.last_status === undefined ? null : Number(r.last_status),
  lastError: r.last_error === null || r.last_error === undefined ? null : String(r.last_error), createdAt: String(r.created_at),
});

export function createSqliteWebhooks(db: SqliteDatabase): WebhookStore {
  const get = (id: string) => {
    const r = db.get('SELECT * FROM webhooks WHERE id = ?', [id]);
    return r && toWebhook(r);
  };
  return {
    async add(hook) {
      const record: WebhookRecord = { id: newWebhookId('wh'), createdAt: new Date().toISOString(), ...hook, events: [...hook.events] };
      db.durable(() =>
        db.run('INSERT INTO webhooks (id, url, events, format, secret, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          record.id, record.url, JSON.stringify(record.events), record.format, record.secret, record.createdBy, record.createdAt,
        ]),
      );
      return record;
    },
    get: async (id) => get(id),
    list: async () => db.all('SELECT * FROM webhooks ORDER BY created_at, id').map(toWebhook),
    async remove(id) {
      const hook = get(id);
      if (!hook) return undefined;
      db.durable(() => {
        db.run('DELETE FROM webhook_deliveries WHERE hook_id = ?', [id]);
        db.run('DELETE FROM webhooks WHERE id = ?', [id]);
      });
      return hook;
    },
    async enqueue(hookId, event, body, atMs) {
      const d: DeliveryRecord = { id: newWebhookId('dl'), hookId, event, body, status: 'pending', attempts: 0, nextAtMs: atMs, lastStatus: null, lastError: null, createdAt: new Date().toISOString() };
      db.durable(() =>
        db.run('INSERT INTO webhook_deliveries (id, hook_id, event, body, status, attempts, next_at_ms, last_status, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)', [
          d.id, d.hookId, d.event, d.body, d.status, d.attempts, d.nextAtMs, d.createdAt,
        ]),
      );
      return d;
    },
    async claimDue(nowMs, limit, holdUntilMs) {
      return db.transaction(() => {
        const rows = db.all("SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_at_ms <= ? ORDER BY next_at_ms, id LIMIT ?", [nowMs, Math.max(0, Math.floor(limit))]);
        for (const r of rows) db.run('UPDATE webhook_deliveries SET next_at_ms = ? WHERE id = ?', [holdUntilMs, String(r.id)]);
        return rows.map((r) => ({ ...toDelivery(r), nextAtMs: holdUntilMs }));
      });
    },
    async settle(id, o) {
      db.run('UPDATE webhook_deliveries SET status = ?, attempts = ?, next_at_ms = ?, last_status = ?, last_error = ? WHERE id = ?', [o.status, o.attempts, o.nextAtMs, o.lastStatus, o.lastError, id]);
    },
    async deliveries(page, hookId) {
      const limit = pageLimit(page.limit);
      const k = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (hookId !== undefined) {
        where.push('hook_id = ?');
        params.push(hookId);
      }
      if (k) {
        where.push('(created_at, id) < (?, ?)');
        params.push(k.createdAt, k.id);
      }
      const rows: Row[] = db.all(`SELECT * FROM webhook_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`, [...params, limit + 1]);
      const items = rows.slice(0, limit).map(toDelivery);
      const last = items[items.length - 1];
      return rows.length > limit && last ? { items, next: encodeCursor({ createdAt: last.createdAt, id: last.id }) } : { items };
    },
    async prune(beforeIso) {
      const n = Number(db.get("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status <> 'pending' AND created_at < ?", [beforeIso])!.n);
      if (n) db.run("DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < ?", [beforeIso]);
      return n;
    },
  };
}
