// Fault: the wall clock jumps under a running station (an NTP step, a wrong RTC corrected, an operator
// setting the date). libfaketime moves this one process's wall clock, and only it: the machine's clock
// and the process's monotonic clock (its timers) are untouched. Back an hour, then forward three:
// listeners keep getting playlists and new segments, and the media sequence never goes backwards.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, startStation, stopAllStations, type RunningStation } from '../station-process.js';
import { listen, stopListeners, toneStationWithIds, type FaultStation } from './on-air-probe.js';

/** Debian's libfaketime (package faketime); .ci/run installs it. */
const LIBFAKETIME = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1'].find((p) => existsSync(p));

let fixture: FaultStation;
let station: RunningStation;
let offsetFile: string;
const setOffset = (offset: string) => writeFile(offsetFile, `${offset}\n`);

beforeAll(async () => {
  if (!LIBFAKETIME) throw new Error('libfaketime is missing: install it (Debian/Ubuntu: sudo apt-get install faketime)');
  fixture = await toneStationWithIds([
    { title: 'A', seconds: 20, frequency: 330 },
    { title: 'B', seconds: 18, frequency: 440 },
    { title: 'C', seconds: 22, frequency: 550 },
  ]);
  offsetFile = join(fixture.dir, 'faketime');
  await setOffset('+0');
  station = await startStation(fixture, await freePort(), {
    LD_PRELOAD: LIBFAKETIME,
    FAKETIME_TIMESTAMP_FILE: offsetFile,
    FAKETIME_NO_CACHE: '1', // read the offset on every call, so a write to the file is a jump
    DONT_FAKE_MONOTONIC: '1', // timers and uptime go on as on a real machine when its wall clock steps
  });
}, 180_000);

afterAll(async () => {
  await stopListeners();
  await stopAllStations();
  if (fixture) await rm(fixture.dir, { recursive: true, force: true });
});

describe('a wall clock that jumps', () => {
  it('keeps the channel on air through a step back of an hour and a step forward of three', async () => {
    const listener = listen(station.base);
    const newest = () => Math.max(-1, ...listener.report.segments);
    await listener.moreSegments(2);
    const before = newest();

    // New segments keep coming: the channel does not stall waiting for the clock to come back.
    await setOffset('-3600');
    await listener.moreSegments(4);
    const afterBack = newest();
    expect(afterBack).toBeGreaterThan(before);

    await setOffset('+7200');
    await listener.moreSegments(4);
    expect(newest()).toBeGreaterThan(afterBack);

    const report = await listener.stop();
    expect(report.failures).toEqual([]);
    // Segments only ever move on.
    expect(report.segments).toEqual([...report.segments].sort((a, b) => a - b));
    expect(station.output()).not.toMatch(/uncaught exception|unhandled rejection/);
  }, 240_000);
});
