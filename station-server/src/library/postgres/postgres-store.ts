// The store on PostgreSQL (cluster mode): every station instance and worker shares one database.
// Opening checks the server answers, applies the migrations it lacks (see migrations.ts) and refuses
// a database written by a newer station; a server that cannot be reached is a LibraryError naming
// its host, never its password.
import type { Store } from '../store.js';
import { openPool, type PgOptions } from './connection.js';
import { migratePostgres } from './migrations.js';
import { createSongStore } from './songs.js';
import { createTimelineStore } from './timeline.js';
import { createPairingStore } from './pairing.js';
import { createDedicationStore } from './dedications.js';
import { createSongRequestStore } from './song-requests.js';
import { createLimitStore } from './limits.js';
import { createOperatorStore } from './operators.js';
import { createTakedownStore } from './takedowns.js';
import { createTakeStore } from './takes.js';
import { createWebhookStore } from './webhooks.js';
import { createStatsStore } from './stats.js';

export interface PostgresStoreOptions extends Partial<PgOptions> {
  /** How long TV writes wait to be batched (default 1 s). */
  tvFlushMs?: number;
}

export async function openPostgresStore(databaseUrl: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const log = options.log ?? ((line: string) => console.error(line));
  const db = openPool(databaseUrl, { ...options, log });
  try {
    await db.query('SELECT 1');
    await migratePostgres(db, log);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const pairing = createPairingStore(db, { log, flushMs: options.tvFlushMs });
  let closed: Promise<void> | undefined;
  return {
    engine: 'postgres',
    songs: createSongStore(db),
    timeline: createTimelineStore(db, log),
    pairing,
    dedications: createDedicationStore(db),
    songRequests: createSongRequestStore(db),
    limits: createLimitStore(db),
    operators: createOperatorStore(db),
    takedowns: createTakedownStore(db),
    takes: createTakeStore(db),
    webhooks: createWebhookStore(db),
    stats: createStatsStore(db),
    close() {
      closed ??= (async () => {
        pairing.dispose();
        try {
          await pairing.flush();
        } finally {
          await db.close();
        }
      })();
      return closed;
    },
  };
}
