// The store contract on the embedded engine: the same suite PostgreSQL passes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from './store-contract.js';
import { openSqliteStore } from './sqlite-store.js';

const dirs: string[] = [];
describeStoreContract(
  'SQLite',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'store-contract-'));
    dirs.push(dir);
    return openSqliteStore(dir, { log: () => undefined });
  },
  async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  },
);
