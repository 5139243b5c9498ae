// The Channels and Playlists pages' API over real HTTP, a real SQLite file, a real playout and a real
// copy of playlists/: who may read, skip and save (viewer 403), names that would leave the folder,
// the size limit, a broken file refused at its line with nothing written, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type Server } from 'node:http';
import { GENRES, LANGUAGES, VIBES, type Genre, type Language, type Vibe } from '@radio-optimism/shared';
import { openParts, type TestParts } from '../testing/test-parts.js';
import { createLocalQueue } from '../songs/local-queue.js';
import { createJobHandler } from '../songs/make-job.js';
import type { Dedications } from '../pairing/dedications.js';
import type { SongManifest } from '../composer/manifest.js';
import { newSongOf } from '../songs/ingest.js';
import { hashPassword } from '../operators/passwords.js';
import { StationEvents } from '../events.js';
import { createPlayout, type Playout } from '../station/playout.js';
import { PACKAGE_DIR } from '../station/hls-package.js';
import { loadProgramme } from '../station/programme.js';
import { MAX_FILE_BYTES } from '../station/programme-files.js';
import { createApp } from './app.js';
import { operatorConsole, type OperatorConsole } from './operator-console.js';

const TOKEN = 'op-token-0123456789abcdefghij';
const PASSWORD = 'a long passphrase';

let dir: string;
let playlistsDir: string;
let lib: TestParts;
let server: Server;
let base: string;
let ops: OperatorConsole;
let playout: Playout;
let queue: ReturnType<typeof createLocalQueue>;
let reloads = 0;

async function addSong(i: number): Promise<void> {
  const id = await lib.store.songs.newId();
  const songDir = lib.media.workDir(`songs/${id}`);
  const [genre, vibe, language] = [GENRES[i % GENRES.length] as Genre, VIBES[i % VIBES.length] as Vibe, LANGUAGES[i % LANGUAGES.length] as Language];
  const segments = Array.from({ length: 40 }, (_, n) => ({ file: `seg-${String(n).padStart(5, '0')}.ts`, duration: 2 }));
  await mkdir(join(songDir, PACKAGE_DIR), { recursive: true });
  await writeFile(join(songDir, PACKAGE_DIR, 'segments.json'), JSON.stringify({ segments, durationSec: 80 }));
  const manifest = { title: `Song ${i}`, durationSec: 80, language, genre, vibe, theme: 'love', tempo: 100, key: 'C major', meter: '4/4', seed: i, request: { message: 'x', to: 'Ana', genre, vibe, language } } as unknown as SongManifest;
  await lib.store.songs.add(id, newSongOf(manifest), 'song');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'channels-routes-'));
  playlistsDir = join(dir, 'playlists');
  await cp(resolve(process.cwd(), 'playlists'), playlistsDir, { recursive: true });
  lib = openParts(join(dir, 'data'));
  for (let i = 0; i < 12; i++) await addSong(i);
  const hash = await hashPassword(PASSWORD);
  for (const [name, role] of [['ana', 'admin'], ['mo', 'moderator'], ['vi', 'viewer']] as const) await lib.store.operators.add(name, role, hash);
  const loaded = await loadProgramme(playlistsDir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  playout = createPlayout({ store: lib.store, mediaRoot: lib.media.root, events: new StationEvents(), programme: loaded.programme });
  await playout.tick();
  queue = createLocalQueue({ concurrency: 1, log: () => undefined, handler: createJobHandler(lib) });
  ops = operatorConsole({
    store: lib.store,
    media: lib.media,
    dedications: () => ({}) as Dedications,
    operatorToken: TOKEN,
    playout,
    playlists: { dir: playlistsDir, reload: async () => (reloads++, true) },
  });
  server = createServer(createApp({ store: lib.store, queue, songsDir: lib.mediaDir, operatorOnly: ops.access.need('moderate'), routers: ops.routers }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  playout.destroy();
  await ops.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await queue.destroy();
  await lib.close();
  await rm(dir, { recursive: true, force: true });
});

interface Signed {
  cookie: string;
  csrf: string;
}
async function login(name: string): Promise<Signed> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORD }) });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}
const as = (s: Signed | undefined, method = 'GET', body?: string, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...(body !== undefined ? { 'content-type': 'text/plain' } : {}), ...headers },
  ...(body !== undefined ? { body } : {}),
});
const file = (name: string) => `${base}/api/v1/playlists/${encodeURIComponent(name)}`;
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; problems?: { file: string; line: number; field: string }[] } }).error;

describe('who may do what', () => {
  it('lets a viewer read every page but not skip or save (403), and nobody in without signing in (401)', async () => {
    const vi = await login('vi');
    for (const path of ['/api/v1/air', '/api/v1/schedule', '/api/v1/playlists', '/api/v1/playlists/channels.yaml']) {
      expect((await fetch(`${base}${path}`, as(vi))).status).toBe(200);
      expect((await fetch(`${base}${path}`)).status).toBe(401);
    }
    const calm = await readFile(join(playlistsDir, 'playlists', 'calm.yaml'), 'utf8');
    const skip = await fetch(`${base}/api/v1/channels/calm/skip`, as(vi, 'POST'));
    expect(skip.status).toBe(403);
    expect((await errorOf(skip)).message).toMatch(/control-air/);
    const save = await fetch(file('playlists/calm.yaml'), as(vi, 'PUT', calm.replace('noRepeat: 3', 'noRepeat: 2')));
    expect(save.status).toBe(403);
    expect(await readFile(join(playlistsDir, 'playlists', 'calm.yaml'), 'utf8')).toBe(calm);
    // Checking is reading: a viewer may see what is wrong with a draft.
    expect((await fetch(`${file('playlists/calm.yaml')}/check`, as(vi, 'POST', calm))).status).toBe(200);
  }, 30_000);

  it('lets a moderator skip (audited) but not save a playlist', async () => {
    const mo = await login('mo');
    const before = playout.nowPlaying('upbeat').current!;
    const res = await fetch(`${base}/api/v1/channels/upbeat/skip`, as(mo, 'POST'));
    expect(res.status).toBe(200);
    const now = (await res.json()) as { current: { index: number; songId: string } };
    expect(now.current.index).toBe(before.index + 1);
    expect(now.current.songId).not.toBe(before.songId);
    const audit = (await lib.store.operators.auditPage({ limit: 5 })).items.find((a) => a.action === 'channel.skip');
    expect(audit).toMatchObject({ actor: 'mo', target: 'upbeat', before: { songId: before.songId, title: before.title } });
    expect((await fetch(file('channels.yaml'), as(mo, 'PUT', 'channels: []\n'))).status).toBe(403);
    expect((await fetch(`${base}/api/v1/channels/nope/skip`, as(mo, 'POST'))).status).toBe(404);
  }, 30_000);

  it('needs the CSRF token for a save', async () => {
    const ana = await login('ana');
    const res = await fetch(file('playlists/calm.yaml'), { method: 'PUT', headers: { cookie: ana.cookie, 'content-type': 'text/plain' }, body: 'name: x\n' });
    expect(res.status).toBe(403);
  }, 30_000);
});

describe('the channels page', () => {
  it('says what is on now and next on every channel, and which show or playlist', async () => {
    const vi = await login('vi');
    const air = (await (await fetch(`${base}/api/v1/air`, as(vi))).json()) as { id: string; playlist: string; current: { title: string; end: string } | null; next: unknown }[];
    expect(air.map((c) => c.id)).toEqual(['radio-optimism', 'calm', 'upbeat', 'k-songs']);
    const calm = air.find((c) => c.id === 'calm')!;
    expect(calm.playlist).toBe('calm');
    expect(calm.current?.title).toMatch(/^Song \d+$/);
    expect(calm.next).not.toBeNull();
  }, 30_000);

  it('gives a week of shows, and refuses a week or time zone that is not one', async () => {
    const vi = await login('vi');
    const res = await fetch(`${base}/api/v1/schedule?week=2026-12-03&tz=Europe%2FLisbon`, as(vi));
    const week = (await res.json()) as { week: string; previous: string; next: string; from: string; channels: { id: string; slots: { show: string; start: string }[] }[] };
    expect(week).toMatchObject({ week: '2026-11-30', previous: '2026-11-23', next: '2026-12-07', from: '2026-11-30T00:00:00.000Z' });
    const main = week.channels.find((c) => c.id === 'radio-optimism')!;
    expect(main.slots.filter((s) => s.show === 'Morning Show')).toHaveLength(5);
    expect(main.slots.filter((s) => s.show === 'Late-night Calm')).toHaveLength(7);
    expect(week.channels.find((c) => c.id === 'calm')!.slots).toEqual([]);
    expect((await fetch(`${base}/api/v1/schedule?week=2026-13-01`, as(vi))).status).toBe(400);
    expect((await fetch(`${base}/api/v1/schedule?week=monday`, as(vi))).status).toBe(400);
    expect((await fetch(`${base}/api/v1/schedule?tz=Mars%2FOlympus`, as(vi))).status).toBe(400);
  }, 30_000);
});

describe('the playlists page', () => {
  it('lists the files and reads one; names that leave the folder are refused', async () => {
    const vi = await login('vi');
    const list = (await (await fetch(`${base}/api/v1/playlists`, as(vi))).json()) as { maxBytes: number; files: { file: string }[] };
    expect(list.maxBytes).toBe(MAX_FILE_BYTES);
    expect(list.files.map((f) => f.file)).toEqual(expect.arrayContaining(['channels.yaml', 'playlists/calm.yaml', 'playlists/upbeat.yaml']));
    const calm = (await (await fetch(file('playlists/calm.yaml'), as(vi))).json()) as { text: string; version: string };
    expect(calm.text).toBe(await readFile(join(playlistsDir, 'playlists', 'calm.yaml'), 'utf8'));
    for (const name of ['../../package.json', 'playlists/../../package.json', '/etc/passwd', 'prompts/starter.json', 'playlists/.calm.yaml']) {
      const res = await fetch(file(name), as(vi));
      expect([name, res.status]).toEqual([name, 400]);
      expect((await errorOf(res)).code).toBe('bad-name');
    }
    // Unencoded, the extra segments match no route at all (and the client resolves "..").
    expect((await fetch(file('..'), as(vi))).status).toBe(404);
    expect((await fetch(`${base}/api/v1/playlists/playlists/../../package.json`, as(vi))).status).toBe(404);
    expect((await fetch(file('playlists/missing.yaml'), as(vi))).status).toBe(404);
  }, 30_000);

  it('refuses a broken save with the problem at its line; the file on disk stays the last good one', async () => {
    const ana = await login('ana');
    const path = join(playlistsDir, 'playlists', 'upbeat.yaml');
    const good = await readFile(path, 'utf8');
    const broken = good.replace(/^mode: .*$/m, 'mode: loud');
    const check = (await (await fetch(`${file('playlists/upbeat.yaml')}/check`, as(ana, 'POST', broken))).json()) as { ok: boolean; problems: { line: number; field: string }[] };
    const line = broken.split('\n').findIndex((l) => l.startsWith('mode:')) + 1;
    expect(check).toEqual({ ok: false, problems: [expect.objectContaining({ file: 'playlists/upbeat.yaml', line, field: 'mode' })] });
    const before = reloads;
    const res = await fetch(file('playlists/upbeat.yaml'), as(ana, 'PUT', broken));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid');
    expect(error.problems).toEqual(check.problems);
    expect(await readFile(path, 'utf8')).toBe(good);
    expect(reloads).toBe(before);
  }, 30_000);

  it(`refuses a file over ${MAX_FILE_BYTES / 1024} KB with a message that says so, and a huge body`, async () => {
    const ana = await login('ana');
    const path = join(playlistsDir, 'playlists', 'calm.yaml');
    const good = await readFile(path, 'utf8');
    const big = await fetch(file('playlists/calm.yaml'), as(ana, 'PUT', `${good}# ${'x'.repeat(MAX_FILE_BYTES)}\n`));
    expect(big.status).toBe(413);
    expect(await errorOf(big)).toMatchObject({ code: 'too-large', message: expect.stringContaining(`at most ${MAX_FILE_BYTES / 1024} KB`) });
    const huge = await fetch(file('playlists/calm.yaml'), as(ana, 'PUT', 'x'.repeat(MAX_FILE_BYTES * 4)));
    expect(huge.status).toBe(413);
    expect(await readFile(path, 'utf8')).toBe(good);
  }, 30_000);

  it('saves a good edit, reloads the programme, and puts the diff in the audit log; an edit on an old version is refused', async () => {
    const ana = await login('ana');
    const path = join(playlistsDir, 'playlists', 'calm.yaml');
    const { text, version } = (await (await fetch(file('playlists/calm.yaml'), as(ana))).json()) as { text: string; version: string };
    const edited = text.replace(/^noRepeat: .*$/m, 'noRepeat: 7');
    const before = reloads;
    const res = await fetch(file('playlists/calm.yaml'), as(ana, 'PUT', edited, { 'if-match': `"${version}"` }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: string; reloaded: boolean; diff: string };
    expect(body.reloaded).toBe(true);
    expect(reloads).toBe(before + 1);
    expect(await readFile(path, 'utf8')).toBe(edited);
    expect(body.diff).toMatch(/^-noRepeat: \d+$/m);
    expect(body.diff).toMatch(/^\+noRepeat: 7$/m);
    const audit = (await lib.store.operators.auditPage({ limit: 5 })).items.find((a) => a.action === 'playlist.save');
    expect(audit).toMatchObject({ actor: 'ana', target: 'playlists/calm.yaml', after: { version: body.version, diff: body.diff } });
    const stale = await fetch(file('playlists/calm.yaml'), as(ana, 'PUT', text, { 'if-match': `"${version}"` }));
    expect(stale.status).toBe(409);
    expect(await readFile(path, 'utf8')).toBe(edited);
    // The operator token is an admin key for scripts.
    const scripted = await fetch(file('playlists/calm.yaml'), { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: text });
    expect(scripted.status).toBe(200);
  }, 30_000);
});
