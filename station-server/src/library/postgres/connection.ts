// The PostgreSQL connection: one bounded pool, and the mapping of a server that cannot be reached (or
// refuses us) to a LibraryError with one line naming the server. The line never carries the password:
// it is built from the URL's host, port and database, not from the URL.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { LibraryError } from '../library-error.js';

export type Params = readonly unknown[];
export type PgRow = Record<string, unknown>;

export interface PgOptions {
  /** Where the store reports what it skipped (an idle connection dropped, a write retried). */
  log: (line: string) => void;
  /** At most this many connections to the server (default 10): many stations share one server. */
  maxConnections?: number;
  /** How long a query waits for a free connection or a new one before failing (default 10 s). */
  connectTimeoutMs?: number;
}

export interface Db {
  /** Where the server is, for messages: `host:port/database`, without user or password. */
  readonly where: string;
  query(sql: string, params?: Params): Promise<PgRow[]>;
  /** As query, as a named prepared statement: each connection parses (and, once PostgreSQL settles on
   *  a generic plan, plans) it once, not on every call. For the hot, fixed-shape queries only: every
   *  distinct text stays prepared on each connection for its life. */
  prepared(sql: string, params?: Params): Promise<PgRow[]>;
  /** Runs `work` in one transaction on one connection; rolled back if it throws. */
  transaction<T>(work: (query: (sql: string, params?: Params) => Promise<PgRow[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `host:port/database` of a DATABASE_URL; a LibraryError naming the setting if it is not one. */
export function describeUrl(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new LibraryError('bad-database-url', 'DATABASE_URL is not a URL: write it as postgres://USER:PASSWORD@HOST:5432/DATABASE');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new LibraryError('bad-database-url', `DATABASE_URL must start with postgres:// (it starts with ${url.protocol}//)`);
  }
  // A unix socket is named by ?host=/path (libpq's way); show the folder then.
  const host = url.hostname || url.searchParams.get('host') || 'localhost';
  return `${host}:${url.port || '5432'}${url.pathname || '/'}`;
}

// Errors that mean "the server is not there or not taking us", by Node code or SQLSTATE.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', '57P01', '57P02', '57P03', '53300']);
const REFUSED = new Set(['28P01', '28000', '3D000', '42501']);

/** The LibraryError behind a driver error (the server unreachable, refusing us, full or read-only), or
 *  undefined when it is not about the server (a bug, a bad row), which callers rethrow as it is. */
export function connectionProblem(where: string, error: unknown): LibraryError | undefined {
  if (error instanceof LibraryError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  if (REFUSED.has(code)) {
    return new LibraryError('database-refused', `PostgreSQL at ${where} refused the station (${code}: ${detail}): check the user, password and database in DATABASE_URL`);
  }
  if (code === '53100') return new LibraryError('disk-full', `PostgreSQL at ${where}: its disk is full (${code}); free some space on the database server`);
  if (code === '25006') return new LibraryError('read-only', `PostgreSQL at ${where} takes no writes (${code}: a standby?): point DATABASE_URL at the primary`);
  const lost = /timeout exceeded when trying to connect|Connection terminated|connection timeout|server closed the connection/i.test(detail);
  if (UNREACHABLE.has(code) || code.startsWith('08') || lost) {
    return new LibraryError('database-unreachable', `PostgreSQL at ${where} cannot be reached (${code || detail}): check that it is running and that DATABASE_URL names it`);
  }
  return undefined;
}

export function openPool(databaseUrl: string, options: PgOptions): Db {
  const where = describeUrl(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    // A query the server never answers must not hold a connection for ever.
    query_timeout: 60_000,
  });
  // An idle connection the server drops (restart, failover) is an 'error' event: without a listener
  // it would end the process. The pool opens a new one on the next query.
  pool.on('error', (error) => options.log(`store: a PostgreSQL connection to ${where} dropped: ${(error as Error).message.split('\n')[0]}`));
  const fail = (error: unknown): never => {
    throw connectionProblem(where, error) ?? error;
  };
  // A statement's name is its text's hash, so the same text has the same name on every connection.
  const names = new Map<string, string>();
  const nameOf = (sql: string): string => {
    let name = names.get(sql);
    if (name === undefined) names.set(sql, (name = `s${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`));
    return name;
  };
  return {
    where,
    async query(sql, params = []) {
      try {
        return (await pool.query(sql, params as unknown[])).rows as PgRow[];
      } catch (error) {
        return fail(error);
      }
    },
    async prepared(sql, params = []) {
      try {
        return (await pool.query({ name: nameOf(sql), text: sql, values: params as unknown[] })).rows as PgRow[];
      } catch (error) {
        return fail(error);
      }
    },
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        return fail(error);
      }
      let broken: unknown;
      // A connection lost between two statements is an 'error' event on the client; the statement
      // that follows fails and says so, so the event itself is only noted.
      const dropped = () => undefined;
      client.on('error', dropped);
      try {
        await client.query('BEGIN');
        const result = await work(async (sql, params = []) => (await client.query(sql, params as unknown[])).rows as PgRow[]);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
        return fail(error);
      } finally {
        client.off('error', dropped);
        // A connection whose rollback failed is not given back to the pool for reuse.
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
