// Helpers for the crash and disk fault tests: a real station process with extra settings, a player's
// check that it is on air (a live playlist, then its newest segment), SIGKILL, and a paired phone.
import { spawn } from 'node:child_process';
import { ROOT } from '../run.js';
import { startStation, type RunningStation, type StationFixture } from '../station-process.js';
import { Peer, type Frame } from '../ws-peer.js';

export const MEDIA_PLAYLIST = '/live/radio-optimism/128k.m3u8';

/** A station with one composer (so a kill lands mid-song), and `env` added. */
export const startWith = (fixture: StationFixture, port: number, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningStation> =>
  startStation(fixture, port, { COMPOSE_CONCURRENCY: '1', ...env }, timeoutMs);

/** Runs the process to its end (a start that must fail); resolves with its exit code and output. */
export function runToExit(fixture: StationFixture, port: number, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['station-server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: fixture.dataDir, PLAYLISTS_DIR: fixture.playlistsDir, SEED_CATALOG: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

export async function kill(station: RunningStation): Promise<void> {
  if (station.child.exitCode !== null || station.child.signalCode !== null) return;
  const exited = new Promise((r) => station.child.once('exit', r));
  station.child.kill('SIGKILL');
  await exited;
}

/** What a player sees: the live media playlist and its newest segment. Throws if either fails. */
export async function playerPoll(base: string): Promise<{ sequence: number; segmentBytes: number }> {
  const url = `${base}${MEDIA_PLAYLIST}`;
  const res = await fetch(url);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`live playlist answered ${res.status}: ${text.slice(0, 200)}`);
  const sequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1]);
  const uris = text.split('\n').filter((l) => l && !l.startsWith('#'));
  if (!uris.length) throw new Error(`live playlist has no segments:\n${text}`);
  const segment = await fetch(new URL(uris[uris.length - 1]!, url));
  const bytes = (await segment.arrayBuffer()).byteLength;
  if (segment.status !== 200 || bytes === 0) throw new Error(`newest segment answered ${segment.status} with ${bytes} bytes`);
  return { sequence, segmentBytes: bytes };
}

/** Waits until a player gets a playlist and a segment (a fresh start needs a moment to schedule). */
export async function waitOnAir(base: string, timeoutMs = 30_000): Promise<{ sequence: number }> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await playerPoll(base);
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`not on air after ${timeoutMs} ms: ${last instanceof Error ? last.message : String(last)}`);
}

export interface Paired {
  tv: Peer;
  phone: Peer;
  tvId: string;
  tvToken: string;
  session: string;
}

/** A new TV (or a known one, by id and token) and a phone paired with it. */
export async function pair(port: number, known?: { tvId: string; tvToken: string }): Promise<Paired> {
  const url = `ws://127.0.0.1:${port}/ws`;
  const tv = await Peer.open(url);
  tv.send(known ? { type: 'tv.hello', tvId: known.tvId, token: known.tvToken } : { type: 'tv.hello' });
  const welcome = await tv.next('tv.welcome', () => true, 15_000);
  const phone = await Peer.open(url);
  phone.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Alex' });
  const paired = await phone.next('phone.paired', () => true, 15_000);
  return { tv, phone, tvId: String(welcome.tvId), tvToken: known?.tvToken ?? String(welcome.token), session: String(paired.sessionToken) };
}

/** A phone that was paired before, back on a new connection; its catch-up frames follow. */
export async function resumePhone(port: number, session: string, timeoutMs = 15_000): Promise<Peer> {
  const phone = await Peer.open(`ws://127.0.0.1:${port}/ws`);
  phone.send({ type: 'phone.resume', sessionToken: session });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = phone.frames.find((f) => f.type === 'phone.paired' || f.type === 'error');
    if (answer?.type === 'phone.paired') return phone;
    if (answer) throw new Error(`phone.resume refused: ${JSON.stringify(answer)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no answer to phone.resume in ${timeoutMs} ms`);
}

export const dedicationRequest = (n: number) => ({
  message: `Thank you for everything, number ${n}.`,
  to: 'Mom',
  from: 'Alex',
  relation: 'family',
  genre: 'acoustic',
  vibe: 'heartfelt',
  language: 'en',
});

export type { Frame };
