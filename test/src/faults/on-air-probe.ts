// Helpers for the playlist and media fault tests: a tone-song station with a station ID, and a
// listener that plays a channel the way a player does (playlist, then each new segment) and records
// every answer, so a test can say the station stayed on air through a fault.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openParts as openLibrary } from '@radio-optimism/station-server/dist/testing/test-parts.js';
import { addToneSong, type ToneSong } from '@radio-optimism/station-server/dist/testing/fixtures.js';
import { ROOT } from '../run.js';
import type { StationFixture } from '../station-process.js';

export interface FaultStation extends StationFixture {
  songs: string[];
}

export async function toneStationWithIds(songs: ToneSong[]): Promise<FaultStation> {
  const dir = await mkdtemp(join(tmpdir(), 'station-faults-'));
  const dataDir = join(dir, 'data');
  const playlistsDir = join(dir, 'playlists');
  await cp(resolve(ROOT, 'playlists'), playlistsDir, { recursive: true });
  const library = openLibrary(dataDir);
  const ids: string[] = [];
  try {
    for (const s of songs) ids.push(await addToneSong(library, s));
    // Station IDs: what a channel plays when no song can be played.
    for (let i = 0; i < 6; i++) await addToneSong(library, { title: `ID ${i}`, seconds: 3, frequency: 900 + i * 50, kind: 'jingle' });
  } finally {
    await library.close();
  }
  return { dir, dataDir, playlistsDir, songs: ids };
}

export interface ListenerReport {
  /** Every answer that was not 200, as "status path". */
  failures: string[];
  /** Sequence numbers of segments fetched, in order. */
  segments: number[];
  playlists: number;
}

export interface Listener {
  report: ListenerReport;
  /** Resolves once `count` more new segments have been fetched (rejects after `ms`). */
  moreSegments(count: number, ms?: number): Promise<void>;
  stop(): Promise<ListenerReport>;
}

const listening = new Set<Listener>();

/** Stops every listener still running (for afterAll, when a test failed half-way). */
export const stopListeners = () => Promise.all([...listening].map((l) => l.stop()));

/** Polls a channel's 128k media playlist every second and fetches each new segment once. */
export function listen(base: string, channel = 'radio-optimism'): Listener {
  const report: ListenerReport = { failures: [], segments: [], playlists: 0 };
  let running = true;
  const fetched = new Set<number>();
  const loop = (async () => {
    while (running) {
      try {
        const res = await fetch(`${base}/live/${channel}/128k.m3u8`, { signal: AbortSignal.timeout(10_000) });
        const text = await res.text();
        report.playlists++;
        if (res.status !== 200) report.failures.push(`${res.status} playlist`);
        for (const m of text.matchAll(/^(\/live\/\S+\/(\d+)\.ts)$/gm)) {
          const seq = Number(m[2]);
          if (fetched.has(seq)) continue;
          fetched.add(seq);
          const seg = await fetch(`${base}${m[1]}`, { signal: AbortSignal.timeout(10_000) });
          const body = Buffer.from(await seg.arrayBuffer());
          if (seg.status !== 200) report.failures.push(`${seg.status} ${m[1]}`);
          else if (body.length < 188 || body[0] !== 0x47) report.failures.push(`not MPEG-TS ${m[1]} (${body.length} bytes)`);
          else report.segments.push(seq);
        }
      } catch (error) {
        report.failures.push(`fetch failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  const listener: Listener = {
    report,
    async moreSegments(count, ms = 60_000) {
      const target = report.segments.length + count;
      const deadline = Date.now() + ms;
      while (report.segments.length < target) {
        if (Date.now() > deadline) throw new Error(`only ${report.segments.length - target + count} of ${count} new segments in ${ms} ms; failures: ${report.failures.join(', ')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      running = false;
      listening.delete(listener);
      await loop;
      return report;
    },
  };
  listening.add(listener);
  return listener;
}

/** Waits until `check` holds (polling), or throws with `what` after `ms`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
