// Backup and restore, exactly as an operator moving to a new machine would: a station on air makes a
// song (the composer, for real) beside its catalog; `backup FILE` runs while it plays; `restore FILE`
// fills empty folders; a station started there on another port comes back on air with the same songs
// (the same ids in /api/v1/songs, the made song by its id), the same accounts, and a live segment that
// decodes. A cut archive and a folder that already holds a station are refused with one line each.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { openSqliteStore } from '@radio-optimism/station-server/dist/library/sqlite-store.js';
import { hashPassword } from '@radio-optimism/station-server/dist/operators/passwords.js';
import { run } from './run.js';
import { freePort, startStation, stopAllStations, toneStation, type RunningStation, type StationFixture } from './station-process.js';

const TOKEN = 'backup-test-token-0123456789abcdef';
const PASSWORD = 'restore me whole';
let fixture: StationFixture;
let work: string;
let a: RunningStation;

const until = async <T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
};
const songIds = async (base: string) => ((await (await fetch(`${base}/api/v1/songs?limit=200`)).json()) as { id: string }[]).map((s) => s.id).sort();
const cli = (name: 'backup' | 'restore', args: string[], dataDir: string, playlistsDir: string) =>
  run(process.execPath, [`station-server/dist/cli/${name}.js`, ...args], { env: { DATA_DIR: dataDir, PLAYLISTS_DIR: playlistsDir }, timeoutMs: 300_000 });

beforeAll(async () => {
  fixture = await toneStation([
    { title: 'Morning Tone', seconds: 12, frequency: 330 },
    { title: 'Evening Tone', seconds: 14, frequency: 440, to: 'Sam' },
  ]);
  work = await mkdtemp(join(tmpdir(), 'backup-e2e-'));
  const store = openSqliteStore(fixture.dataDir, { log: () => undefined });
  await store.operators.add('ana', 'admin', await hashPassword(PASSWORD));
  await store.close();
  a = await startStation(fixture, await freePort(), { OPERATOR_TOKEN: TOKEN });
}, 120_000);
afterAll(async () => {
  await stopAllStations();
  await rm(fixture.dir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('brings a station back on air on another port with the same songs and accounts', async () => {
    // The station makes a song (a real composition; slow on a busy machine, so the wait is long).
    const sent = await fetch(`${a.base}/api/v1/songs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Thank you for every morning', to: 'Mina', from: 'Alex', genre: 'pop', vibe: 'upbeat', language: 'en', seed: 7 }),
    });
    expect(sent.status).toBe(202);
    const { id: made } = (await sent.json()) as { id: string };
    const madeSong = await until('the song to be made', 900_000, async () => {
      const body = (await (await fetch(`${a.base}/api/v1/songs/${made}`)).json()) as { title?: string; status?: string };
      if (body.status === 'failed') throw new Error(`the song failed: ${JSON.stringify(body)}`);
      return body.title ? body : undefined;
    });
    const before = await songIds(a.base);
    expect(before).toHaveLength(2);

    const archive = join(work, 'radio.tar.gz');
    const backup = await cli('backup', [archive], fixture.dataDir, fixture.playlistsDir);
    expect({ code: backup.code, err: backup.code === 0 ? '' : backup.stderr }).toEqual({ code: 0, err: '' });
    expect(backup.stdout).toMatch(/^backed up 3 songs, \d+ files, into .*radio\.tar\.gz \([\d.]+ MB\)\n$/);
    a.child.kill('SIGKILL');

    // A cut archive: refused with one line, nothing written.
    const cut = join(work, 'cut.tar.gz');
    const bytes = await readFile(archive);
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const fresh = { data: join(work, 'fresh', 'data'), playlists: join(work, 'fresh', 'playlists') };
    const refused = await cli('restore', [cut], fresh.data, fresh.playlists);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n').pop()).toMatch(/^restore: .*cut\.tar\.gz is not a whole backup archive .*use another copy$/);
    expect(existsSync(join(fresh.data, 'library.sqlite'))).toBe(false);

    const restored = await cli('restore', [archive], fresh.data, fresh.playlists);
    expect({ code: restored.code, err: restored.code === 0 ? '' : restored.stderr }).toEqual({ code: 0, err: '' });
    expect(restored.stdout).toMatch(/^restored 3 songs, /);
    const again = await cli('restore', [archive], fresh.data, fresh.playlists);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n').pop()).toMatch(/already holds a library: .* or add --force/);

    const b = await startStation({ dir: join(work, 'fresh'), dataDir: fresh.data, playlistsDir: fresh.playlists }, await freePort());
    expect(await songIds(b.base)).toEqual(before);
    const restoredSong = (await (await fetch(`${b.base}/api/v1/songs/${made}`)).json()) as { title?: string };
    expect(restoredSong.title).toBe(madeSong.title);
    expect((await fetch(`${b.base}/media/songs/${made}/cover.jpg`)).status).toBe(200);
    // The account came along: it signs in on the new station.
    const login = await fetch(`${b.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ana', password: PASSWORD }) });
    expect(login.status).toBe(200);

    // On air: a live segment of the main channel decodes.
    const segment = await until('a live segment', 60_000, async () => {
      const playlist = await (await fetch(`${b.base}/live/radio-optimism/128k.m3u8`)).text();
      // A whole segment (a song's last one may be a fraction of a second).
      const lines = playlist.split('\n');
      const whole = lines.flatMap((l, i) => {
        const d = /^#EXTINF:([\d.]+)/.exec(l);
        return d && Number(d[1]) >= 1.5 && lines[i + 1] ? [lines[i + 1]!] : [];
      });
      return whole.length ? new URL(whole[whole.length - 1]!, `${b.base}/live/radio-optimism/128k.m3u8`).href : undefined;
    });
    const ts = join(work, 'segment.ts');
    const res = await fetch(segment);
    expect(res.status).toBe(200);
    await writeFile(ts, Buffer.from(await res.arrayBuffer()));
    const raw = join(work, 'segment.raw');
    const decoded = await run(ffmpegInstaller.path, ['-v', 'error', '-i', ts, '-f', 's16le', '-ac', '1', '-ar', '8000', '-y', raw]);
    expect({ code: decoded.code, err: decoded.stderr }).toEqual({ code: 0, err: '' });
    expect((await readFile(raw)).length).toBeGreaterThan(8000 * 2); // over a second of audio
  }, 1_200_000);
});
