// Fault: hostile or odd files dropped into a running station's playlists folder. The station refuses
// each with its name and a reason, keeps the last good programme on air (a listener keeps getting
// segments, never an error), and still takes a good change afterwards. A bad programme at start-up
// names the file; playlists:check prints file and reason, never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aliasBomb, deepNesting } from '@radio-optimism/station-server/dist/testing/playlist-bombs.js';
import { run } from '../run.js';
import { freePort, startStation, type RunningStation } from '../station-process.js';
import { listen, stopListeners, toneStationWithIds, until, type FaultStation } from './on-air-probe.js';

let fixture: FaultStation;
let station: RunningStation | undefined;
beforeAll(async () => {
  fixture = await toneStationWithIds([
    { title: 'A', seconds: 16, frequency: 330 },
    { title: 'B', seconds: 14, frequency: 440 },
    { title: 'C', seconds: 18, frequency: 550 },
  ]);
}, 120_000);
afterAll(async () => {
  await stopListeners();
  station?.child.kill('SIGKILL');
  await rm(fixture.dir, { recursive: true, force: true });
});

/** Each odd thing an operator (or an attacker with write access to the folder) can leave there. */
async function dropOddFiles(dir: string): Promise<string[]> {
  await writeFile(join(dir, 'bomb.yaml'), aliasBomb());
  await mkdir(join(dir, 'notes.yaml'));
  await writeFile(join(dir, 'deep.yaml'), deepNesting());
  await writeFile(join(dir, 'binary.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
  await writeFile(join(dir, 'huge.yaml'), `name: Huge\n# ${'x'.repeat(200_000)}\n`);
  await symlink('/etc/hostname', join(dir, 'outside.yaml'));
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
  return ['bomb.yaml', 'notes.yaml', 'deep.yaml', 'binary.yaml', 'huge.yaml', 'outside.yaml', 'pipe.yaml'];
}

describe('odd files in a running station\'s playlists folder', () => {
  it('refuses each with its name and reason, stays on air, and still takes a good change', async () => {
    station = await startStation(fixture, await freePort());
    const listener = listen(station.base);
    await listener.moreSegments(3);
    const playlists = join(fixture.playlistsDir, 'playlists');
    const names = await dropOddFiles(playlists);
    await until('the refusal of every odd file in the log', () => names.every((n) => new RegExp(`programme refused[\\s\\S]*playlists/${n.replace('.', '\\.')}:1:1 `).test(station!.output())));
    const log = station.output();
    expect(log).toMatch(/playlists\/bomb\.yaml:1:1 too many aliases/);
    expect(log).toMatch(/playlists\/notes\.yaml:1:1 is a folder, not a file/);
    expect(log).toMatch(/playlists\/outside\.yaml:1:1 is a link to a file outside the playlists folder/);
    expect(log).toMatch(/playlists\/pipe\.yaml:1:1 is not a regular file/);

    // Files appearing and vanishing while the station reads the folder (between readdir and read).
    for (let i = 0; i < 40; i++) {
      await writeFile(join(playlists, `churn-${i % 4}.yaml`), 'name: Churn\n');
      await unlink(join(playlists, `churn-${(i + 2) % 4}.yaml`)).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
    }
    await listener.moreSegments(4);
    expect(station.child.exitCode).toBeNull();
    expect((await fetch(`${station.base}/healthz`)).ok).toBe(true);

    // Cleared up, the folder is read again and a good change goes on air.
    for (const n of [...names, 'churn-0.yaml', 'churn-1.yaml', 'churn-2.yaml', 'churn-3.yaml']) await rm(join(playlists, n), { recursive: true, force: true });
    const channels = join(fixture.playlistsDir, 'channels.yaml');
    await writeFile(channels, (await readFile(channels, 'utf8')).replace('name: Calm', 'name: Calm Waters'));
    await until('the good change on air', async () => ((await (await fetch(`${station!.base}/api/v1/channels`)).json()) as { name: string }[]).some((c) => c.name === 'Calm Waters'));
    await listener.moreSegments(2);
    const report = await listener.stop();
    expect(report.failures).toEqual([]);
    expect(station.output()).not.toMatch(/unhandled rejection|uncaught exception|Excessive alias count/);
  }, 240_000);

  it('names the file when the programme is bad at start-up, and playlists:check prints file and reason with no stack trace', async () => {
    station?.child.kill('SIGKILL');
    await writeFile(join(fixture.playlistsDir, 'playlists', 'bomb.yaml'), aliasBomb());
    try {
      // A station that has never had a good programme cannot start: it says which file is wrong.
      const fresh = await mkdtemp(join(tmpdir(), 'no-programme-yet-'));
      const env = { PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: fresh, PLAYLISTS_DIR: fixture.playlistsDir, SEED_CATALOG: 'false' };
      const start = await run(process.execPath, ['station-server/dist/main.js'], { env, timeoutMs: 60_000 }).finally(() => rm(fresh, { recursive: true, force: true }));
      expect(start.code).toBe(1);
      expect(start.stderr).toMatch(/could not start: the operators' files have mistakes[\s\S]*playlists\/bomb\.yaml:1:1 too many aliases/);
      // One that has (this fixture's station ran before) goes on air with its last good programme and names the file.
      station = await startStation(fixture, await freePort());
      const started = station;
      await until('the log to name bomb.yaml', () => /on air with the last good programme[\s\S]*playlists\/bomb\.yaml:1:1 too many aliases/.test(started.output()));
      station.child.kill('SIGKILL');
      const check = await run(process.execPath, ['station-server/dist/cli/playlists-check.js', fixture.playlistsDir], { timeoutMs: 60_000 });
      expect(check.code).toBe(1);
      expect(check.stderr).toMatch(/playlists\/bomb\.yaml:1:1 too many aliases/);
      expect(check.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(join(fixture.playlistsDir, 'playlists', 'bomb.yaml'), { force: true });
    }
  }, 120_000);
});
