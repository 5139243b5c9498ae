// Helpers for the song-queue fault test: a station process with extra settings, a player's check
// that it is on air, and requests from a chosen loopback address (a different client).
import { request } from 'node:http';
import { startStation, type RunningStation, type StationFixture } from '../station-process.js';

/** A station process with extra settings. */
export const startStationWith = (fixture: StationFixture, port: number, env: Record<string, string>): Promise<RunningStation> => startStation(fixture, port, env);

/** What a player does: the live media playlist, then its newest segment. Throws unless both answer. */
export async function assertOnAir(base: string): Promise<void> {
  const playlist = await fetch(`${base}/live/radio-optimism/128k.m3u8`);
  if (playlist.status !== 200) throw new Error(`live playlist answered ${playlist.status}`);
  const segments = (await playlist.text()).split('\n').filter((l) => l && !l.startsWith('#'));
  const newest = segments.at(-1);
  if (!newest) throw new Error('the live playlist lists no segments');
  const segment = await fetch(new URL(newest, `${base}/live/radio-optimism/128k.m3u8`));
  const bytes = (await segment.arrayBuffer()).byteLength;
  if (segment.status !== 200 || bytes < 1000) throw new Error(`the newest segment answered ${segment.status} with ${bytes} bytes`);
}

/** A POST from a given local address (127.0.0.x), as a different client would send it. */
export function postFrom(localAddress: string, url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers }, agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
