// Operators' accounts, sessions and the audit log in the SQLite file. Accounts and audit entries are
// written durably (fsynced): a person was told "done". Sessions are bookkeeping: a power cut may sign
// someone out, never in.
import { randomBytes } from 'node:crypto';
import type { Param, SqliteDatabase, Row } from './sqlite.js';
import { LibraryError } from './library-error.js';
import { decodeCursor, encodeCursor, pageLimit } from './page-cursor.js';
import type { AuditRecord, NewAudit, OperatorRecord, OperatorRole, OperatorStore } from './store.js';

export const toRole = (value: unknown): OperatorRole => (value === 'admin' || value === 'moderator' ? value : 'viewer');

const toOperator = (r: Row): OperatorRecord => ({ name: String(r.name), role: toRole(r.role), passwordHash: String(r.password_hash), createdAt: String(r.created_at), updatedAt: String(r.updated_at) });

const parse = (json: unknown): unknown => (json === null || json === undefined ? null : JSON.parse(String(json)));
const toAudit = (r: Row): AuditRecord => ({ id: String(r.id), at: String(r.at), actor: String(r.actor), action: String(r.action), target: r.target === null ? null : String(r.target), before: parse(r.before_json), after: parse(r.after_json) });

let auditCount = 0;
/** An audit entry's id: a counter of this process, then random bytes, so entries written by one
 *  process in the same millisecond keep their order (pages sort by time, then id). */
export const newAuditId = (): string => `a${(auditCount++).toString(36).padStart(8, '0')}${randomBytes(6).toString('base64url')}`;

/** A new audit entry, stamped now, and its row's values in the order both engines insert them. */
export function newAudit(entry: NewAudit): { record: AuditRecord; values: Param[] } {
  const record: AuditRecord = { id: newAuditId(), at: new Date().toISOString(), actor: entry.actor, action: entry.action, target: entry.target ?? null, before: entry.before ?? null, after: entry.after ?? null };
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  return { record, values: [record.id, record.at, record.actor, record.action, record.target, json(record.before), json(record.after)] };
}

export const nameTaken = (name: string): LibraryError => new LibraryError('name-taken', `an operator named "${name}" already exists: choose another name or change that account's role`);

export function createSqliteOperators(db: SqliteDatabase): OperatorStore {
  const get = (name: string) => {
    const row = db.get('SELECT * FROM operators WHERE name = ?', [name]);
    return row && toOperator(row);
  };
  const change = (name: string, column: 'role' | 'password_hash', value: string) => {
    db.durable(() => db.run(`UPDATE operators SET ${column} = ?, updated_at = ? WHERE name = ?`, [value, new Date().toISOString(), name]));
    return get(name);
  };
  return {
    async add(name, role, passwordHash) {
      const now = new Date().toISOString();
      db.durable(() => {
        if (db.get('SELECT 1 FROM operators WHERE name = ?', [name])) throw nameTaken(name);
        db.run('INSERT INTO operators (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [name, role, passwordHash, now, now]);
      });
      return get(name)!;
    },
    get: async (name) => get(name),
    list: async () => db.all('SELECT * FROM operators ORDER BY name').map(toOperator),
    setRole: async (name, role) => change(name, 'role', role),
    setPassword: async (name, hash) => change(name, 'password_hash', hash),
    async remove(name) {
      const before = get(name);
      if (!before) return undefined;
      db.durable(() => {
        db.run('DELETE FROM operator_sessions WHERE name = ?', [name]);
        db.run('DELETE FROM operators WHERE name = ?', [name]);
      });
      return before;
    },
    async openSession(name, tokenHash, expiresAtMs, nowMs) {
      db.run('INSERT INTO operator_sessions (token_hash, name, expires_at_ms, last_seen_ms) VALUES (?, ?, ?, ?)', [tokenHash, name, expiresAtMs, nowMs]);
    },
    async session(tokenHash, nowMs) {
      const r = db.get('SELECT s.token_hash, s.name, s.expires_at_ms, s.last_seen_ms, o.role FROM operator_sessions s JOIN operators o ON o.name = s.name WHERE s.token_hash = ? AND s.expires_at_ms > ?', [tokenHash, nowMs]);
      return r && { tokenHash: String(r.token_hash), name: String(r.name), role: toRole(r.role), expiresAtMs: Number(r.expires_at_ms), lastSeenMs: Number(r.last_seen_ms) };
    },
    async touchSession(tokenHash, nowMs, expiresAtMs) {
      db.run('UPDATE operator_sessions SET last_seen_ms = ?, expires_at_ms = ? WHERE token_hash = ?', [nowMs, expiresAtMs, tokenHash]);
    },
    async endSession(tokenHash) {
      db.run('DELETE FROM operator_sessions WHERE token_hash = ?', [tokenHash]);
    },
    async expireSessions(nowMs) {
      const n = Number(db.get('SELECT COUNT(*) AS n FROM operator_sessions WHERE expires_at_ms <= ?', [nowMs])!.n);
      if (n) db.run('DELETE FROM operator_sessions WHERE expires_at_ms <= ?', [nowMs]);
      return n;
    },
    async audit(entry) {
      const { record, values } = newAudit(entry);
      db.durable(() => db.run('INSERT INTO audit_log (id, at, actor, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)', values));
      return record;
    },
    async auditPage(page) {
      const limit = pageLimit(page.limit);
      const k = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      const rows = k
        ? db.all('SELECT * FROM audit_log WHERE (at, id) < (?, ?) ORDER BY at DESC, id DESC LIMIT ?', [k.createdAt, k.id, limit + 1])
        : db.all('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?', [limit + 1]);
      const items = rows.slice(0, limit).map(toAudit);
      const last = items[items.length - 1];
      return rows.length > limit && last ? { items, next: encodeCursor({ createdAt: last.at, id: last.id }) } : { items };
    },
  };
}
