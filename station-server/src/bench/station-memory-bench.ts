// npm run bench:station-memory: the RSS of a real embedded station (`station-server/dist/main.js` on a
// fresh DATA_DIR, a free loopback port, its defaults but a shorter COMPOSER_IDLE_MS and a starter
// catalog cut to STARTER songs so the composer goes idle within the run) and of its composer process,
// separately: while the starter catalog is made, after the composer closed, after LISTENERS players
// fetched playlists and segments for LISTEN_SECONDS, and the next song's time with the composer closed
// (cold) against open (warm). Target: the station under 700 MB with the composer idle.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { freePort } from '../testing/free-port.js';
import { runListeners } from './listeners.js';
import { machineLine, writeSection } from './report.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STARTER = Number(process.env.STARTER ?? 2);
const IDLE_MS = Number(process.env.COMPOSER_IDLE_MS ?? 20_000);
const LISTENERS = Number(process.env.LISTENERS ?? 200);
const LISTEN_SECONDS = Number(process.env.LISTEN_SECONDS ?? 60);
const TOKEN = 'station-memory-bench-operator-token-0123456789';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

/** VmRSS of a process in kB, or 0 once it is gone. */
function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
/** The composer: the station's Node child processes (ffmpeg and the like are counted apart). */
function composerPids(station: number): number[] {
  return children(station).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node';
    } catch {
      return false;
    }
  });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'station-memory-'));
  const playlistsDir = join(dir, 'playlists');
  await cp(resolve(ROOT, 'playlists'), playlistsDir, { recursive: true });
  const starterFile = join(playlistsDir, 'prompts', 'starter.json');
  const starter = JSON.parse(readFileSync(starterFile, 'utf8')) as { songs: Record<string, unknown>[] };
  starter.songs = starter.songs.slice(0, STARTER);
  writeFileSync(starterFile, JSON.stringify(starter));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['station-server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), PLAYLISTS_DIR: playlistsDir, COMPOSER_IDLE_MS: String(IDLE_MS), OPERATOR_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const pid = child.pid!;
  const composerKb = () => composerPids(pid).reduce((t, p) => t + rssKb(p), 0);
  let peak = 0;
  let composerPeak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssKb(pid));
    composerPeak = Math.max(composerPeak, composerKb());
  }, 250);
  const lines: string[] = [];
  const note = (line: string) => {
    console.error(`station-memory: ${line}`);
    lines.push(`- ${line}`);
  };
  const json = async (path: string, init?: RequestInit) => (await fetch(`${base}${path}`, init)).json() as Promise<unknown>;
  const until = async (what: string, ok: () => Promise<boolean> | boolean, timeoutMs = 30 * 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        if (await ok()) return;
      } catch {
        // not answering yet
      }
      if (child.exitCode !== null) throw new Error(`the station exited while waiting for ${what}:\n${output.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(500);
    }
  };
  const stationState = () => `station ${mb(rssKb(pid))}, composer ${composerPids(pid).length ? mb(composerKb()) : 'closed'}`;
  const nextSong = async (seed: number): Promise<number> => {
    const started = performance.now();
    const answer = (await json('/api/v1/songs', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ message: 'Thank you for every walk in the park, and every morning coffee.', to: 'Mia', genre: 'pop', vibe: 'upbeat', language: 'en', seed }),
    })) as { id?: string; error?: { message: string } };
    if (!answer.id) throw new Error(`POST /api/v1/songs: ${answer.error?.message ?? JSON.stringify(answer)}`);
    await until(`song ${answer.id}`, async () => {
      const s = (await json(`/api/v1/songs/${answer.id}`)) as { title?: string; status?: string; error?: unknown };
      if (s.status === 'failed') throw new Error(`song ${answer.id} failed: ${JSON.stringify(s.error)}`);
      return s.title !== undefined;
    });
    return (performance.now() - started) / 1000;
  };
  try {
    const t0 = performance.now();
    await until('/healthz', async () => (await fetch(`${base}/healthz`)).ok);
    note(`on air after ${((performance.now() - t0) / 1000).toFixed(0)} s (the station IDs and the first starter songs made): ${stationState()}`);
    await until('the starter catalog', async () => ((await json('/api/v1/songs?limit=200')) as unknown[]).length >= STARTER);
    note(`starter catalog of ${STARTER} songs made after ${((performance.now() - t0) / 1000).toFixed(0)} s: ${stationState()}; peaks so far: station ${mb(peak)}, composer ${mb(composerPeak)}`);
    const idleFrom = performance.now();
    await until('the composer to close', () => composerPids(pid).length === 0);
    await sleep(2000);
    note(`composer closed ${((performance.now() - idleFrom) / 1000).toFixed(0)} s later (COMPOSER_IDLE_MS=${IDLE_MS}): ${stationState()}`);
    const listed = (await json('/api/v1/channels')) as { id: string }[] | { channels: { id: string }[] };
    const channels = (Array.isArray(listed) ? listed : listed.channels).map((c) => c.id);
    const heard = await runListeners({ base, channels, listeners: LISTENERS, seconds: LISTEN_SECONDS });
    note(`after ${heard.listeners} listeners on ${heard.channels} channels for ${heard.seconds} s (${heard.requests} requests, ${heard.errors} errors, p99 ${heard.p99.toFixed(1)} ms): ${stationState()}`);
    await sleep(5000);
    note(`5 s after they left: ${stationState()}; station peak over the run ${mb(peak)}`);
    const cold = await nextSong(901);
    note(`next song with the composer closed (cold): ready in ${cold.toFixed(1)} s; then ${stationState()}`);
    const warm = await nextSong(902);
    note(`the same message with another seed, the composer open (warm): ready in ${warm.toFixed(1)} s (cold costs ${(cold - warm).toFixed(1)} s more); then ${stationState()}; composer peak ${mb(composerPeak)}`);
    await until('the composer to close again', () => composerPids(pid).length === 0);
    await sleep(2000);
    note(`composer closed again: ${stationState()}`);
  } finally {
    clearInterval(sampler);
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
    await rm(dir, { recursive: true, force: true });
  }
  const body = [
    '## A whole station\'s memory (`npm run bench:station-memory`)',
    `Measured on ${machineLine()}. A real station process (\`station-server/dist/main.js\`, embedded defaults: SQLite, local queue and media) on a fresh data folder, with the starter catalog cut to ${STARTER} songs and COMPOSER_IDLE_MS=${IDLE_MS} so the composer goes idle within the run. RSS read from /proc: the station's own process, and its composer's process apart (it runs in a child process the station closes when idle). Target: the station under 700 MB with the composer idle.`,
    lines.join('\n'),
  ].join('\n\n');
  console.log(body);
  writeSection(resolve(ROOT, 'docs/BENCHMARKS.md'), 'station-memory', body);
}

main().catch((error: unknown) => {
  console.error(`station-memory-bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
