// Backups on real files: a data folder with tone songs (packaged by real ffmpeg), an operator and a
// webhook; backed up while its store is open and being written; restored into empty folders with every
// file and row back; a damaged, truncated, altered or foreign archive refused before anything changes;
// a folder that already holds a station refused unless forced.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tar from 'tar';
import { openParts, type TestParts } from '../testing/test-parts.js';
import { addToneSong } from '../testing/fixtures.js';
import { openSqliteStore } from '../library/sqlite-store.js';
import { makeBackup } from './make-backup.js';
import { restoreBackup } from './restore-backup.js';
import { BackupError, listFiles, MANIFEST_FILE, parseManifest } from './backup-manifest.js';

const PLAYLISTS = resolve(fileURLToPath(new URL('../../../playlists', import.meta.url)));

let dir: string;
let dataDir: string;
let playlistsDir: string;
let lib: TestParts;
let songs: string[];
let archive: string;

const refusal = async (work: Promise<unknown>): Promise<BackupError> => {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backup-'));
  dataDir = join(dir, 'data');
  playlistsDir = join(dir, 'playlists');
  await cp(PLAYLISTS, playlistsDir, { recursive: true });
  lib = openParts(dataDir);
  songs = [];
  for (const [i, f] of [330, 440].entries()) songs.push(await addToneSong(lib, { title: `Tone ${i}`, seconds: 6, frequency: f }));
  await lib.store.operators.add('ana', 'admin', 'scrypt$x');
  await lib.store.webhooks.add({ url: 'http://127.0.0.1:1/x', events: ['song.changed'], format: 'json', secret: 's', createdBy: 'ana' });
  await writeFile(join(dataDir, 'operator-token'), 'token-0123456789abcdefghijkl\n');
  archive = join(dir, 'out', 'station.tar.gz');
}, 120_000);
afterAll(async () => {
  await lib.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a backup', () => {
  it('is one tar.gz with a manifest of every file, made while the store is open and written to', async () => {
    // What a backup killed half-way left: cleared by the next one.
    await mkdir(join(dataDir, '.backup-999999-1', 'data'), { recursive: true });
    await writeFile(join(dataDir, '.backup-999999-1', 'data', 'library.sqlite'), 'half');
    const phases = new Set<string>();
    const writing = (async () => {
      for (let i = 0; i < 20; i++) await lib.store.timeline.append('radio', i, { index: i });
    })();
    const done = await makeBackup({ dataDir, playlistsDir, file: archive, progress: (p) => phases.add(p) });
    await writing;
    expect(done.songs).toBe(2);
    expect([...phases]).toEqual(['copying', 'checking', 'packing']);
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    const entries: string[] = [];
    await tar.t({ file: archive, onReadEntry: (e) => entries.push(e.path) });
    expect(entries[0]).toBe(MANIFEST_FILE);
    const paths = done.manifest.files.map((f) => f.path);
    expect(paths).toContain('data/library.sqlite');
    expect(paths).toContain('data/operator-token');
    expect(paths).toContain('playlists/channels.yaml');
    for (const id of songs) expect(paths.some((p) => p.startsWith(`data/media/songs/${id}/`))).toBe(true);
    expect(paths.filter((p) => /library\.sqlite-(wal|shm)$/.test(p) || p.includes('.backup-'))).toEqual([]);
    expect(done.manifest.library.tables).toMatchObject({ songs: 2, operators: 1, webhooks: 1 });
    // The staging folder is gone.
    expect((await listFiles(dataDir)).filter((f) => f.rel.startsWith('.backup-'))).toEqual([]);
    expect(existsSync(join(dataDir, '.backup-999999-1'))).toBe(false);
  }, 120_000);

  it('restores into empty folders with every file, row and setting back', async () => {
    const target = join(dir, 'fresh');
    const done = await restoreBackup({ file: archive, dataDir: join(target, 'data'), playlistsDir: join(target, 'playlists') });
    expect(done.songs).toBe(2);
    const store = openSqliteStore(join(target, 'data'), { log: () => undefined });
    try {
      expect((await store.songs.page('song', {}, { limit: 10 })).items.map((s) => s.id).sort()).toEqual([...songs].sort());
      expect((await store.operators.get('ana'))?.role).toBe('admin');
      expect((await store.webhooks.list()).map((h) => h.secret)).toEqual(['s']);
    } finally {
      await store.close();
    }
    const before = (await listFiles(join(dataDir, 'media'))).map((f) => f.rel);
    expect((await listFiles(join(target, 'data', 'media'))).map((f) => f.rel)).toEqual(before);
    for (const rel of before.slice(0, 5)) expect(await readFile(join(target, 'data', 'media', rel))).toEqual(await readFile(join(dataDir, 'media', rel)));
    expect(await readFile(join(target, 'playlists', 'channels.yaml'), 'utf8')).toBe(await readFile(join(playlistsDir, 'channels.yaml'), 'utf8'));
    expect(await readFile(join(target, 'data', 'operator-token'), 'utf8')).toBe('token-0123456789abcdefghijkl\n');
    expect((await listFiles(dir)).some((f) => f.rel.includes('.restore-'))).toBe(false);
  }, 120_000);

  it('is refused into a folder that holds a station, unless forced', async () => {
    const target = join(dir, 'busy');
    await mkdir(join(target, 'data'), { recursive: true });
    const other = openSqliteStore(join(target, 'data'), { log: () => undefined });
    await other.close();
    const error = await refusal(restoreBackup({ file: archive, dataDir: join(target, 'data'), playlistsDir: join(target, 'playlists') }));
    expect(error.code).toBe('not-empty');
    expect(error.message).toMatch(/already holds a library: restore into an empty DATA_DIR, or add --force/);
    await restoreBackup({ file: archive, dataDir: join(target, 'data'), playlistsDir: join(target, 'playlists'), force: true });
    const store = openSqliteStore(join(target, 'data'), { log: () => undefined });
    expect(await store.songs.count('song')).toBe(2);
    await store.close();
  }, 120_000);

  it('replaces the playlist files of a fresh machine (its PLAYLISTS_DIR holds the repository\'s own)', async () => {
    const target = join(dir, 'clone');
    await mkdir(join(target, 'playlists'), { recursive: true });
    await writeFile(join(target, 'playlists', 'channels.yaml'), 'channels: []\n');
    await writeFile(join(target, 'playlists', 'notes.txt'), 'kept');
    await restoreBackup({ file: archive, dataDir: join(target, 'data'), playlistsDir: join(target, 'playlists') });
    expect(await readFile(join(target, 'playlists', 'channels.yaml'), 'utf8')).toBe(await readFile(join(playlistsDir, 'channels.yaml'), 'utf8'));
    expect(await readFile(join(target, 'playlists', 'notes.txt'), 'utf8')).toBe('kept');
  }, 120_000);

  it('refuses a damaged, cut, altered or foreign archive and leaves the target untouched', async () => {
    const bytes = await readFile(archive);
    const target = join(dir, 'never');
    const tryRestore = (file: string) => refusal(restoreBackup({ file, dataDir: join(target, 'data'), playlistsDir: join(target, 'playlists') }));

    const cut = join(dir, 'cut.tar.gz');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await tryRestore(cut)).code).toBe('corrupt');

    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length * 0.6)]! ^= 0xff;
    const damaged = join(dir, 'damaged.tar.gz');
    await writeFile(damaged, flipped);
    expect(['corrupt', 'bad-manifest']).toContain((await tryRestore(damaged)).code);

    // Re-packed with one song file changed: the manifest's checksum catches it.
    const unpacked = join(dir, 'unpacked');
    await mkdir(unpacked);
    await tar.x({ file: archive, cwd: unpacked });
    const manifest = parseManifest(await readFile(join(unpacked, MANIFEST_FILE), 'utf8'));
    const victim = manifest.files.find((f) => f.path.startsWith('data/media/songs/'))!;
    await writeFile(join(unpacked, victim.path), 'not the song');
    const altered = join(dir, 'altered.tar.gz');
    await tar.c({ gzip: true, file: altered, cwd: unpacked }, [MANIFEST_FILE, 'data', 'playlists']);
    const error = await tryRestore(altered);
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain(victim.path);

    const foreign = join(dir, 'foreign.tar.gz');
    await writeFile(join(dir, 'hello.txt'), 'hi');
    await tar.c({ gzip: true, file: foreign, cwd: dir }, ['hello.txt']);
    expect((await tryRestore(foreign)).code).toBe('not-a-backup');
    expect((await tryRestore(join(dir, 'missing.tar.gz'))).code).toBe('no-file');

    expect(existsSync(join(target, 'data', 'library.sqlite'))).toBe(false);
    expect(existsSync(join(target, 'playlists'))).toBe(false);
  }, 120_000);
});
