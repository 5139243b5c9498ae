// The store contract on a real PostgreSQL server (Debian's, started in a temp folder for this suite):
// each test gets a new database on it.
import { describeStoreContract } from './store-contract.js';
import { startPostgres, type PostgresServer } from '../testing/postgres-server.js';
import { openPostgresStore } from './postgres/postgres-store.js';

let server: PostgresServer | undefined;

describeStoreContract(
  'PostgreSQL',
  async () => {
    server ??= await startPostgres();
    return openPostgresStore(await server.createDatabase(), { log: () => undefined, tvFlushMs: 50 });
  },
  async () => {
    await server?.stop();
  },
);
