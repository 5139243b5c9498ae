// Scheduled backups on real files: node-cron starts them, each run keeps the newest BACKUP_KEEP
// archives, a failed run is logged and does not throw, and stop() ends the schedule.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openParts, type TestParts } from '../testing/test-parts.js';
import { addToneSong } from '../testing/fixtures.js';
import { scheduleBackups } from './backup-schedule.js';

let dir: string;
let lib: TestParts;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backup-schedule-'));
  lib = openParts(join(dir, 'data'));
  await addToneSong(lib, { title: 'Tone', seconds: 4, frequency: 440 });
  await mkdir(join(dir, 'playlists'));
}, 60_000);
afterAll(async () => {
  await lib.close();
  await rm(dir, { recursive: true, force: true });
});

describe('scheduled backups', () => {
  it('keep the newest BACKUP_KEEP archives', async () => {
    const out = join(dir, 'data', 'backups'); // inside DATA_DIR: left out of its own archives
    let t = Date.UTC(2026, 0, 1, 3, 30);
    const logs: string[] = [];
    const s = scheduleBackups({ cron: '0 0 1 1 *', dir: out, keep: 2, dataDir: join(dir, 'data'), playlistsDir: join(dir, 'playlists'), log: (l) => logs.push(l), now: () => new Date((t += 60_000)) });
    try {
      const made = [];
      for (let i = 0; i < 3; i++) made.push((await s.runNow())!);
      expect(made.every((m) => m.songs === 1)).toBe(true);
      expect(made[2]!.manifest.files.some((f) => f.path.includes('backups/'))).toBe(false);
      expect((await readdir(out)).sort()).toEqual(['radio-optimism-20260101-033200-000.tar.gz', 'radio-optimism-20260101-033300-000.tar.gz']);
      expect(logs[2]).toMatch(/^backup: 1 songs into .*033300-000\.tar\.gz .*keeping the newest 2$/);
    } finally {
      await s.stop();
    }
  }, 120_000);

  it('run on their cron, and log a failure without throwing', async () => {
    const out = join(dir, 'cron');
    const logs: string[] = [];
    const s = scheduleBackups({ cron: '* * * * * *', dir: out, keep: 3, dataDir: join(dir, 'data'), playlistsDir: join(dir, 'playlists'), log: (l) => logs.push(l) });
    const deadline = Date.now() + 60_000;
    while (!(await readdir(out).catch(() => [])).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await s.stop();
    expect((await readdir(out)).length).toBeGreaterThanOrEqual(1);
    const bad = scheduleBackups({ cron: '0 0 1 1 *', dir: join(dir, 'bad'), keep: 1, dataDir: join(dir, 'no-such-data'), playlistsDir: join(dir, 'playlists'), log: (l) => logs.push(l) });
    expect(await bad.runNow()).toBeUndefined();
    await bad.stop();
    expect(logs.pop()).toMatch(/^backup failed, the station plays on: .*holds no library/);
    expect((await readdir(dir)).includes('no-such-data')).toBe(false);
  }, 120_000);
});
