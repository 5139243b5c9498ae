// Ctrl-C (SIGINT) while a song is being made: the station stops within seconds instead of waiting for
// the song (minutes on a busy machine), leaves no composer or encoder behind, and makes the song at
// its next start under the id it was given. A real station process and the real composer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { freePort, stopAllStations, toneStation, type RunningStation, type StationFixture } from '../station-process.js';
import { assertOnAir, postFrom, startStationWith } from './song-queue-station.js';

const TOKEN = 'interruptTest_0123456789abcdef';
const SETTINGS = { OPERATOR_TOKEN: TOKEN, COMPOSE_CONCURRENCY: '1' };

let fixture: StationFixture;
let port: number;
beforeAll(async () => {
  fixture = await toneStation([
    { title: 'A', seconds: 30, frequency: 330 },
    { title: 'B', seconds: 30, frequency: 440 },
  ]);
  port = await freePort();
}, 300_000);
afterAll(async () => {
  await stopAllStations();
  if (fixture) await rm(fixture.dir, { recursive: true, force: true });
});

const until = async <T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** The composer's process: the station's child running composer-worker.js (ps, as on Linux). */
const composerOf = (pid: number): number | undefined => {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n');
  const line = lines.find((l) => l.includes('composer-worker.js'));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
};
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('fault: Ctrl-C while a song is being made', () => {
  it('exits within 10 s, leaves no composer behind, and makes the song after the restart', async () => {
    let station: RunningStation = await startStationWith(fixture, port, SETTINGS);
    const body = JSON.stringify({ message: 'Stopped half way, made after all', to: 'Rio', genre: 'lofi', vibe: 'calm', language: 'en' });
    const posted = await postFrom('127.0.0.1', `${station.base}/api/v1/songs`, body, { authorization: `Bearer ${TOKEN}` });
    expect(posted.status).toBe(202);
    const id = (JSON.parse(posted.body) as { id: string }).id;
    // Deep in the song: the composer's process is up and the song is past its first stages.
    await until('the song to be composing', 120_000, async () => {
      const state = (await (await fetch(`${station.base}/api/v1/songs/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { status?: string };
      return state.status === 'composing' ? true : undefined;
    });
    const composer = await until('the composer process', 60_000, async () => composerOf(station.child.pid!));
    await new Promise((r) => setTimeout(r, 3000));

    const exited = new Promise<number | null>((r) => station.child.once('exit', (code) => r(code)));
    const t = Date.now();
    station.child.kill('SIGINT');
    const code = await exited;
    const seconds = (Date.now() - t) / 1000;
    console.log(`interrupt: SIGINT mid-song to exit: ${seconds.toFixed(1)} s`);
    expect({ code, under10s: seconds < 10 }).toEqual({ code: 0, under10s: true });
    // The song is said to be stopped, not failed (nor the composer's warm-up, if it was still loading).
    expect(station.output()).toMatch(new RegExp(`song ${id} was stopped with the station`));
    expect(station.output()).not.toMatch(/warm-up failed|composition-failed/);
    // The composer's whole process group went with it (no encoder left writing into the folder).
    await until('the composer to be gone', 5000, async () => (alive(composer) ? undefined : true));
    expect(alive(composer)).toBe(false);

    station = await startStationWith(fixture, port, SETTINGS);
    await assertOnAir(station.base);
    expect(station.output()).toMatch(/making 1 accepted song not made yet/);
    const made = await until('the song made after the restart', 600_000, async () => {
      const res = await fetch(`${station.base}/api/v1/songs/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const song = (await res.json()) as { title?: string };
      return res.status === 200 && song.title ? song : undefined;
    });
    expect(made.title).toBeTruthy();
    await assertOnAir(station.base);
  }, 900_000);
});
