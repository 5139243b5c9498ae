// Opens the store a station (or a command beside it) runs on: PostgreSQL when DATABASE_URL is set,
// else the SQLite file in DATA_DIR.
import type { Store } from './store.js';
import { openSqliteStore } from './sqlite-store.js';
import { openPostgresStore } from './postgres/postgres-store.js';

export async function openStore(dataDir: string, databaseUrl: string | undefined, log: (line: string) => void): Promise<Store> {
  return databaseUrl ? openPostgresStore(databaseUrl, { log }) : openSqliteStore(dataDir, { log });
}
