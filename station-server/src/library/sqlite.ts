// The library's one SQLite connection (better-sqlite3: SQLite's own POSIX file locks and a real WAL
// with shared memory). What a commit promises is defined here; library.ts says it in words.
import { mkdirSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { LibraryError, diskProblem } from './library-error.js';
import { migrate } from './migrations.js';

export type Param = string | number | bigint | null | Buffer;
export type Row = Record<string, string | number | null>;

/** The SQLite handle, for the stores in this folder (nothing outside library/ touches the database). */
export interface SqliteDatabase {
  /** One statement, its own transaction, committed with synchronous = NORMAL (see library.ts). */
  run(sql: string, params?: readonly Param[]): void;
  get(sql: string, params?: readonly Param[]): Row | undefined;
  all(sql: string, params?: readonly Param[]): Row[];
  /** Several statements as one transaction (all or nothing), committed with synchronous = NORMAL. */
  transaction<T>(work: () => T): T;
  /** One transaction whose commit is fsynced before this returns (synchronous = FULL): for writes a
   *  person has been told about. */
  durable<T>(work: () => T): T;
  close(): void;
}

/** The folder the old binding (node-sqlite3-wasm) made as its lock; nothing made by SQLite itself. */
const OLD_LOCK_SUFFIX = '.lock';

/**
 * Checks that `dataDir` takes writes, with one line naming the folder when it does not (a read-only
 * mount, a full disk, no permission), before SQLite would say "attempt to write a readonly database".
 */
export function checkWritable(dataDir: string): void {
  const probe = join(dataDir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(probe, 'ok');
    unlinkSync(probe);
  } catch (error) {
    throw diskProblem(dataDir, error) ?? error;
  }
}

/**
 * Opens (or creates) the library file: removes the old binding's stale lock folder, switches to WAL
 * and checks that it took, and brings the schema up to date with numbered migrations.
 */
export function openSqlite(file: string, log: (line: string) => void): SqliteDatabase {
  removeOldLockFolder(file, log);
  let db: Database.Database;
  try {
    // SQLite's own locks: a second writer waits up to 5 s, then gets SQLITE_BUSY (never a stale lock:
    // the kernel releases POSIX locks when a process dies, however it dies).
    db = new Database(file, { timeout: 5000 });
  } catch (error) {
    throw diskProblem(dirname(file), error) ?? error;
  }
  try {
    const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
    if (mode !== 'wal') {
      throw new LibraryError('wal-unavailable', `${file}: SQLite stayed in journal mode "${mode}" instead of WAL; put DATA_DIR on a local disk (WAL needs shared memory, which network shares lack)`);
    }
    db.pragma('synchronous = NORMAL');
    migrate(db, file);
  } catch (error) {
    db.close();
    throw diskProblem(dirname(file), error) ?? error;
  }
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  // A refusing disk is said in words that name the folder (a LibraryError); anything else as it is.
  const folder = dirname(file);
  const writing = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      throw diskProblem(folder, error) ?? error;
    }
  };
  const transaction = <T>(work: () => T): T => writing(() => db.transaction(work)());
  return {
    run: (sql, params = []) => writing(() => void prepare(sql).run(...params)),
    get: (sql, params = []) => prepare(sql).get(...params) as Row | undefined,
    all: (sql, params = []) => prepare(sql).all(...params) as Row[],
    transaction,
    durable(work) {
      // synchronous applies at commit: FULL fsyncs the WAL (and with it every commit before this one).
      db.pragma('synchronous = FULL');
      try {
        return transaction(work);
      } finally {
        db.pragma('synchronous = NORMAL');
      }
    },
    close() {
      statements.clear();
      db.close();
    },
  };
}

/**
 * node-sqlite3-wasm locked the file by making the folder `library.sqlite.lock`, and a process killed
 * mid-write left it behind, so every later start failed with "database is locked". better-sqlite3
 * never makes or reads it. Removed with rmdir, which only removes an empty folder: anything else
 * with that name is left alone and reported.
 */
function removeOldLockFolder(file: string, log: (line: string) => void): void {
  const lock = `${file}${OLD_LOCK_SUFFIX}`;
  try {
    if (!statSync(lock).isDirectory()) return;
    rmdirSync(lock);
    log(`library: removed ${lock}, a stale lock folder left by the previous SQLite binding`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') log(`library: could not remove the old lock folder ${lock} (${code ?? String(error)}); it is no longer used and can be deleted by hand`);
  }
}
