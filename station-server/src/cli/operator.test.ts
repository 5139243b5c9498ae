// The operator command as a person runs it: a real process on a real SQLite file in a temp DATA_DIR.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../library/sqlite-store.js';
import { verifyPassword } from '../operators/passwords.js';
import { startPostgres } from '../testing/postgres-server.js';
import { openPostgresStore } from '../library/postgres/postgres-store.js';

const CLI = fileURLToPath(new URL('./operator.js', import.meta.url));

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'operator-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs the command; `input` is piped to stdin (undefined: stdin is not a pipe that is written). */
function operator(args: string[], input?: string, databaseUrl?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    delete env.OPERATOR_TOKEN;
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: [input === undefined ? 'inherit' : 'pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    if (input !== undefined) child.stdin!.end(input);
  });
}

describe('npm run operator', () => {
  it('adds an account with a piped password, stored only as an scrypt hash, and audits it', async () => {
    const r = await operator(['add', 'ana', '--role', 'admin'], 'a long passphrase\n');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe('operator: added ana (admin)\n');
    const store = openSqliteStore(dataDir, { log: () => undefined });
    try {
      const ana = (await store.operators.get('ana'))!;
      expect(ana.role).toBe('admin');
      expect(ana.passwordHash).toMatch(/^scrypt\$/);
      expect(await verifyPassword('a long passphrase', ana.passwordHash)).toBe(true);
      expect((await store.operators.auditPage({ limit: 5 })).items[0]).toMatchObject({ actor: 'cli', action: 'account.add', target: 'ana', after: { name: 'ana', role: 'admin' } });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('lists, changes a role and removes', async () => {
    expect((await operator(['add', 'mo', '--role', 'viewer'], 'another passphrase')).code).toBe(0);
    expect((await operator(['role', 'mo', 'moderator'])).out).toBe('operator: mo is now moderator\n');
    const list = await operator(['list']);
    expect(list.code).toBe(0);
    expect(list.out.trim().split('\n').map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['ana admin', 'mo moderator']);
    expect((await operator(['remove', 'mo'])).out).toBe('operator: removed mo\n');
    const missing = await operator(['remove', 'mo']);
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toBe('operator: no operator named "mo" (see: operator list)\n');
  }, 60_000);

  it('refuses bad input with one line and exit 2', async () => {
    const cases: [string[], string | undefined, RegExp][] = [
      [['add', 'Bad Name', '--role', 'admin'], 'a long passphrase', /start with a lower-case letter/],
      [['add', 'bo', '--role', 'owner'], 'a long passphrase', /one of viewer, moderator, admin, not "owner"/],
      [['add', 'bo'], 'a long passphrase', /the role must be one of/],
      [['add', 'bo', '--role', 'viewer'], 'short', /at least 10/],
      [['add', 'ana', '--role', 'viewer'], 'a long passphrase', /already exists/],
      [['role', 'ana', 'king'], undefined, /not "king"/],
      [['frobnicate'], undefined, /unknown command "frobnicate"/],
      [[], undefined, /^operator: usage:/],
    ];
    for (const [args, input, message] of cases) {
      const r = await operator(args, input);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  }, 120_000);
});

describe('npm run operator on PostgreSQL (DATABASE_URL)', () => {
  it('keeps accounts in the database the URL names, not in DATA_DIR', async () => {
    const server = await startPostgres();
    try {
      const url = await server.createDatabase();
      expect((await operator(['add', 'pg-admin', '--role', 'admin'], 'a long passphrase', url)).code).toBe(0);
      const list = await operator(['list'], undefined, url);
      expect(list.out.split('\t').slice(0, 2)).toEqual(['pg-admin', 'admin']);
      const store = await openPostgresStore(url, { log: () => undefined });
      try {
        expect((await store.operators.get('pg-admin'))!.role).toBe('admin');
      } finally {
        await store.close();
      }
      expect((await operator(['list'])).out).not.toContain('pg-admin');
    } finally {
      await server.stop();
    }
  }, 120_000);
});
