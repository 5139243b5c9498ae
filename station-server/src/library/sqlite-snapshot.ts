// A consistent copy of the library file for backups, and the check a restored copy must pass. SQLite's
// online backup copies every table as of one moment while the station keeps writing (WAL readers do
// not block writers), so a backup needs no stop and includes tables later versions add.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryError } from './library-error.js';
import { SCHEMA_VERSION } from './migrations.js';

export const LIBRARY_FILE = 'library.sqlite';
/** The library file and SQLite's companions beside it. */
export const LIBRARY_FILES = [LIBRARY_FILE, `${LIBRARY_FILE}-wal`, `${LIBRARY_FILE}-shm`] as const;

export interface LibrarySnapshot {
  schema: number;
  /** Rows per table, for the manifest and the restore's summary. */
  tables: Record<string, number>;
}

function describe(db: Database.Database): LibrarySnapshot {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const tables: Record<string, number> = {};
  for (const { name } of names) tables[name] = Number((db.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n);
  return { schema: Number(db.pragma('user_version', { simple: true })), tables };
}

/** Copies DATA_DIR/library.sqlite to `toFile` as of one moment; says what it holds. */
export async function snapshotLibrary(dataDir: string, toFile: string): Promise<LibrarySnapshot> {
  const file = join(dataDir, LIBRARY_FILE);
  if (!existsSync(file)) throw new LibraryError('no-library', `${dataDir} holds no library (${LIBRARY_FILE}): check DATA_DIR`);
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await db.backup(toFile);
  } finally {
    db.close();
  }
  const copy = new Database(toFile, { fileMustExist: true });
  try {
    // One self-contained file (no -wal or -shm beside it); the station turns WAL on again when it opens it.
    copy.pragma('journal_mode = DELETE');
    return describe(copy);
  } finally {
    copy.close();
  }
}

/** Checks a library file from a backup: SQLite's integrity check, and a schema this station knows. */
export function checkLibraryCopy(file: string): LibrarySnapshot {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new LibraryError('bad-library', `the backup's library cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new LibraryError('bad-library', `the backup's library is damaged (SQLite says: ${String(result).slice(0, 200)})`);
    const found = describe(db);
    if (found.schema > SCHEMA_VERSION) throw new LibraryError('schema-too-new', `the backup was made by a newer station (schema ${found.schema}; this one knows ${SCHEMA_VERSION}): restore it with that version`);
    return found;
  } catch (error) {
    if (error instanceof LibraryError) throw error;
    throw new LibraryError('bad-library', `the backup's library is damaged: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }
}
