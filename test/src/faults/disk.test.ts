// A disk that refuses writes. At start (DATA_DIR read-only): one line that names the folder, no stack.
// On air (the disk fills up): the channel goes on from what it has, the failures are logged, nothing
// acknowledged is lost, and once there is room again writes work without a restart.
import { afterAll, describe, expect, it } from '@jest/globals';
import { cp, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { openParts as openLibrary } from '@radio-optimism/station-server/dist/testing/test-parts.js';
import { freePort, stopAllStations, toneStation, type RunningStation, type StationFixture } from '../station-process.js';
import { dedicationRequest, kill, pair, playerPoll, runToExit, startWith, waitOnAir } from './crash-station.js';
import { mountScratchDisk, type ScratchDisk } from './scratch-disk.js';

const ENV = { SONG_LIMIT_PER_PHONE: '1000', PAIR_LIMIT_PER_MINUTE: '1000' };
let fixture: StationFixture | undefined;
let station: RunningStation | undefined;
const disks: ScratchDisk[] = [];
afterAll(async () => {
  await stopAllStations(); // every restart's process, even when a test failed half-way
  for (const d of disks) d.unmount();
  if (fixture) await rm(fixture.dir, { recursive: true, force: true });
});

const tones = async () =>
  (fixture ??= await toneStation([
    { title: 'A', seconds: 20, frequency: 330 },
    { title: 'B', seconds: 18, frequency: 440 },
    { title: 'C', seconds: 22, frequency: 550 },
  ]));

describe('a disk that refuses writes', () => {
  it('at start, a read-only DATA_DIR stops the station with one line naming the folder', async () => {
    const base = await tones();
    const disk = mountScratchDisk(join(base.dir, 'ro-disk'), 64);
    if (typeof disk === 'string') return console.warn(`skipped: ${disk}`);
    disks.push(disk);
    const dataDir = join(disk.dir, 'data');
    await cp(base.dataDir, dataDir, { recursive: true });
    disk.remountReadOnly();
    const { code, output } = await runToExit({ ...base, dataDir }, await freePort());
    expect(code).not.toBe(0);
    const lines = output.trim().split('\n');
    expect(lines).toEqual([`radio-optimism: could not start: ${dataDir} is read-only: the station keeps its library there; mount it read-write or set DATA_DIR to a folder it can write to`]);
  }, 120_000);

  it('on air, a full disk: the channel plays on, the failures are logged, and writes work again once there is room', async () => {
    const base = await tones();
    const disk = mountScratchDisk(join(base.dir, 'full-disk'), 64);
    if (typeof disk === 'string') return console.warn(`skipped: ${disk}`);
    disks.push(disk);
    const onDisk = { ...base, dataDir: join(disk.dir, 'data') };
    await cp(base.dataDir, onDisk.dataDir, { recursive: true });
    const port = await freePort();
    station = await startWith(onDisk, port, ENV);
    await waitOnAir(station.base);
    const p = await pair(port);

    const filler = disk.fill();
    // While full: a player keeps getting the live playlist and segments across item boundaries
    // (songs of 18 to 22 s, so at least two, each a timeline write and a crossfade render).
    const phoneAccepted = () => p.phone.frames.filter((f) => f.type === 'dedication.accepted').map((f) => String(f.id));
    p.phone.send({ type: 'dedication.create', request: dedicationRequest(1), target: 'tv' });
    const first = (await playerPoll(station.base)).sequence;
    let last = first;
    const until = Date.now() + 50_000;
    while (Date.now() < until) {
      last = (await playerPoll(station.base)).sequence; // throws if the playlist or its newest segment fails
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(last).toBeGreaterThan(first + 15); // 2 s segments: 50 s on air means the window moved on
    expect(station.child.exitCode).toBeNull();
    // The operator sees why (the disk's own words, from SQLite, ffmpeg or the composer).
    expect(station.output()).toMatch(/disk is full|ENOSPC|No space left on device|SQLITE_FULL/i);
    // Whatever the phone was told was accepted, the library has.
    const acceptedWhileFull = phoneAccepted();

    // Room again: writes work without a restart.
    await unlink(filler);
    p.phone.send({ type: 'dedication.create', request: dedicationRequest(2), target: 'tv' });
    await p.phone.next('dedication.accepted', (f) => !acceptedWhileFull.includes(String(f.id)), 30_000);
    const accepted = phoneAccepted();
    // And the file went through it whole: killed and started again, on air, with everything acknowledged.
    await kill(station);
    station = await startWith(onDisk, port, ENV);
    await waitOnAir(station.base);
    const library = openLibrary(onDisk.dataDir);
    try {
      const missing: string[] = [];
      for (const id of accepted) if (!(await library.store.dedications.get(id))) missing.push(id);
      expect(missing).toEqual([]);
    } finally {
      await library.close();
    }
    p.tv.close();
    p.phone.close();
    await kill(station);
    station = undefined;
  }, 300_000);
});
