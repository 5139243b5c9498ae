// Operators' accounts, sessions and the audit log in PostgreSQL, shared by every station instance:
// a session opened on one is valid on all, and a removed account is signed out everywhere.
import type { AuditRecord, OperatorRecord, OperatorStore } from '../store.js';
import { nameTaken, newAudit, toRole } from '../operator-store.js';
import type { Db, PgRow } from './connection.js';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.js';

const toOperator = (r: PgRow): OperatorRecord => ({ name: String(r.name), role: toRole(r.role), passwordHash: String(r.password_hash), createdAt: String(r.created_at), updatedAt: String(r.updated_at) });
const toAudit = (r: PgRow): AuditRecord => ({ id: String(r.id), at: String(r.at), actor: String(r.actor), action: String(r.action), target: r.target === null ? null : String(r.target), before: r.before_json ?? null, after: r.after_json ?? null });

export function createOperatorStore(db: Db): OperatorStore {
  const get = async (name: string) => {
    const [row] = await db.query('SELECT * FROM operators WHERE name = $1', [name]);
    return row && toOperator(row);
  };
  const change = async (name: string, column: 'role' | 'password_hash', value: string) => {
    const [row] = await db.query(`UPDATE operators SET ${column} = $1, updated_at = $2 WHERE name = $3 RETURNING *`, [value, new Date().toISOString(), name]);
    return row && toOperator(row);
  };
  return {
    async add(name, role, passwordHash) {
      const now = new Date().toISOString();
      const [row] = await db.query('INSERT INTO operators (name, role, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (name) DO NOTHING RETURNING *', [name, role, passwordHash, now]);
      if (!row) throw nameTaken(name);
      return toOperator(row);
    },
    get,
    list: async () => (await db.query('SELECT * FROM operators ORDER BY name')).map(toOperator),
    setRole: (name, role) => change(name, 'role', role),
    setPassword: (name, hash) => change(name, 'password_hash', hash),
    async remove(name) {
      // Its sessions go with it (ON DELETE CASCADE).
      const [row] = await db.query('DELETE FROM operators WHERE name = $1 RETURNING *', [name]);
      return row && toOperator(row);
    },
    async openSession(name, tokenHash, expiresAtMs, nowMs) {
      await db.query('INSERT INTO operator_sessions (token_hash, name, expires_at_ms, last_seen_ms) VALUES ($1, $2, $3, $4)', [tokenHash, name, expiresAtMs, nowMs]);
    },
    async session(tokenHash, nowMs) {
      const [r] = await db.query('SELECT s.token_hash, s.name, s.expires_at_ms, s.last_seen_ms, o.role FROM operator_sessions s JOIN operators o ON o.name = s.name WHERE s.token_hash = $1 AND s.expires_at_ms > $2', [tokenHash, nowMs]);
      return r && { tokenHash: String(r.token_hash), name: String(r.name), role: toRole(r.role), expiresAtMs: Number(r.expires_at_ms), lastSeenMs: Number(r.last_seen_ms) };
    },
    async touchSession(tokenHash, nowMs, expiresAtMs) {
      await db.query('UPDATE operator_sessions SET last_seen_ms = $1, expires_at_ms = $2 WHERE token_hash = $3', [nowMs, expiresAtMs, tokenHash]);
    },
    async endSession(tokenHash) {
      await db.query('DELETE FROM operator_sessions WHERE token_hash = $1', [tokenHash]);
    },
    async expireSessions(nowMs) {
      return (await db.query('DELETE FROM operator_sessions WHERE expires_at_ms <= $1 RETURNING 1', [nowMs])).length;
    },
    async audit(entry) {
      const { record, values } = newAudit(entry);
      await db.query('INSERT INTO audit_log (id, at, actor, action, target, before_json, after_json) VALUES ($1, $2, $3, $4, $5, $6, $7)', values);
      return record;
    },
    async auditPage(page) {
      const limit = pageLimit(page.limit);
      const k = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      const rows = k
        ? await db.query(`SELECT * FROM audit_log WHERE (at, id) < ($1, $2) ORDER BY at DESC, id DESC LIMIT ${limit + 1}`, [k.createdAt, k.id])
        : await db.query(`SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ${limit + 1}`);
      const items = rows.slice(0, limit).map(toAudit);
      const last = items[items.length - 1];
      return rows.length > limit && last ? { items, next: encodeCursor({ createdAt: last.at, id: last.id }) } : { items };
    },
  };
}
