// The library's SQLite file: WAL that really is WAL, numbered migrations, data folders made by the
// previous binding, and a writer killed with SIGKILL mid-write, again and again.
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteStore as openLibrary, LibraryError } from './sqlite-store.js';
import { SCHEMA_VERSION } from './migrations.js';
import { diskProblem } from './library-error.js';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'library-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const request = { message: 'Thank you for everything', to: 'Mom', from: 'Alex', relation: 'family', genre: 'ballad', vibe: 'heartfelt', language: 'en' } as const;
const manifest = { title: 'For Mom', language: 'en', genre: 'ballad', vibe: 'heartfelt', theme: 'gratitude', durationSec: 95.5, seed: 7, request } as never;

describe('the library file', () => {
  it('is in WAL mode, at the newest schema version', async () => {
    const dir = await tempDir();
    const library = openLibrary(dir, { log: () => undefined });
    await library.songs.add(await library.songs.newId(), manifest, 'song');
    expect(existsSync(join(dir, 'library.sqlite-wal'))).toBe(true);
    const peek = new Database(join(dir, 'library.sqlite'), { readonly: true });
    expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(peek.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    peek.close();
    await library.close();
  });

  it('opens a data folder made by node-sqlite3-wasm, removing its stale lock folder', async () => {
    const dir = await tempDir();
    // Made by the previous binding (station-server/src/library/fixtures, written with node-sqlite3-wasm
    // 0.8 by this library's code of that time), left with the lock folder a SIGKILL left behind.
    await copyFile(fileURLToPath(new URL('../../src/library/fixtures/old-binding-library.sqlite', import.meta.url)), join(dir, 'library.sqlite'));
    await mkdir(join(dir, 'library.sqlite.lock'));
    const lines: string[] = [];
    const library = openLibrary(dir, { log: (l) => lines.push(l) });
    expect(existsSync(join(dir, 'library.sqlite.lock'))).toBe(false);
    expect(lines.join('\n')).toMatch(/removed .*library\.sqlite\.lock/);
    expect((await library.songs.get('k9AGHa2I'))?.title).toBe('For Mom');
    // Migration 5 filled the relation column from the stored request.
    expect((await library.songs.get('k9AGHa2I'))?.relation).toBe((await library.songs.get('k9AGHa2I'))?.request.relation ?? null);
    expect((await library.pairing.tv('tv_n57HaaxFOWQ', 'bHGIw3G9vY2xKn8tDUAoUEFChmh18Qqg'))?.id).toBe('tv_n57HaaxFOWQ');
    expect((await library.pairing.phoneBySession('A6LOqG23MlEtFQ_Poa_vTnbnMqhYL7CD'))?.id).toBe('ph_R6HshzmFGDY');
    expect(await library.dedications.get('d_old1')).toMatchObject({ status: 'composing', attempts: 1, failure: null });
    expect(((await library.timeline.recent('radio-optimism', 10)) as { songId: string }[]).map((i) => i.songId)).toEqual(['k9AGHa2I']);
    // Writes work, through the new step of the schema too.
    expect((await library.dedications.update('d_old1', { status: 'failed', failure: 'a reason' }))?.failure).toBe('a reason');
    await library.close();
  });

  it('leaves alone a file named like the old lock folder', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'library.sqlite.lock'), 'not ours');
    const library = openLibrary(dir, { log: () => undefined });
    expect((await stat(join(dir, 'library.sqlite.lock'))).isFile()).toBe(true);
    await library.close();
  });

  it('refuses a file from a newer schema with one line', async () => {
    const dir = await tempDir();
    await openLibrary(dir, { log: () => undefined }).close();
    const db = new Database(join(dir, 'library.sqlite'));
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openLibrary(dir, { log: () => undefined })).toThrow(LibraryError);
    expect(() => openLibrary(dir, { log: () => undefined })).toThrow(/written by a newer station/);
  });

  it('words a refusing disk for the folder it concerns', () => {
    expect(diskProblem('/data', Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' }))?.message).toMatch(/^\/data is read-only/);
    expect(diskProblem('/data', Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))?.code).toBe('disk-full');
    expect(diskProblem('/data', new TypeError('a bug'))).toBeUndefined();
  });
});

// A writer in its own process, killed with SIGKILL while writing: every write it reported as returned
// is in the file afterwards, and the file opens at once (no lock left behind).
const WRITER = `
import { openSqliteStore } from ${JSON.stringify(new URL('./sqlite-store.js', import.meta.url).href)};
const [dir, round] = process.argv.slice(2);
const library = openSqliteStore(dir, { log: () => undefined });
const request = { message: 'Thank you', to: 'Mom', relation: 'family', genre: 'pop', vibe: 'calm', language: 'en' };
const tv = await library.pairing.addTv();
const { phone } = await library.pairing.pairPhone(tv.id, 'Alex');
for (let i = 0; ; i++) {
  const id = 'd_' + round + '_' + i;
  await library.dedications.add({ id, phoneId: phone.id, tvId: tv.id, target: 'tv', request });
  await library.timeline.append('ch', Number(round) * 1e6 + i, { index: Number(round) * 1e6 + i, startMs: i, kind: 'song', songId: 's', source: 'songs/s', segments: [], title: 't' });
  process.stdout.write(id + '\\n');
}
`;

describe('a writer killed mid-write', () => {
  it('loses nothing that returned, and the file opens again, ten times over', async () => {
    const dir = await tempDir();
    const script = join(dir, 'writer.mjs');
    await writeFile(script, WRITER);
    const acknowledged: string[] = [];
    for (let round = 0; round < 10; round++) {
      const child = spawn(process.execPath, [script, join(dir, 'data'), String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      // Kill once it is well into writing (a varying number of writes in, so kills land at different points).
      const want = 20 + round * 7;
      const deadline = Date.now() + 60_000;
      while (out.split('\n').length <= want && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('close', r));
      expect(err).toBe('');
      const lines = out.split('\n');
      acknowledged.push(...lines.slice(0, -1)); // the last piece may be a line cut short
      expect(lines.length).toBeGreaterThan(want);
    }
    const library = openLibrary(join(dir, 'data'), { log: () => undefined });
    const missing: string[] = [];
    for (const id of acknowledged) if (!(await library.dedications.get(id))) missing.push(id);
    expect(missing).toEqual([]);
    await library.close();
    const db = new Database(join(dir, 'data', 'library.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);
});
