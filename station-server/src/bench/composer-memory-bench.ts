// `node --expose-gc station-server/dist/bench/composer-memory-bench.js [SONGS]`: the station process's
// RSS while the composer makes songs and after its threads close when idle, the cost of the next song
// on a closed (cold) thread against an open (warm) one, and the bytes each stored song takes.
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import { startComposerThread } from '../composer/composer-thread.js';
import { STATION_IDS } from '../composer/announce/words.js';

const IDLE_MS = 5_000;
const REQUESTS: SongRequest[] = [
  { message: 'Thank you for every walk in the park, and every morning coffee.', to: 'Mia', genre: 'pop', vibe: 'upbeat', language: 'en' },
  { message: 'Gracias por cuidarme siempre, mamá, con tu risa y tu paciencia.', to: 'Mamá', genre: 'acoustic', vibe: 'calm', language: 'es' },
  { message: 'Happy birthday! You make every day brighter with your jokes.', to: 'Leo', genre: 'rock', vibe: 'upbeat', language: 'en' },
  { message: 'Ich bin so stolz auf dich. Du hast es geschafft!', to: 'Jürgen', genre: 'rock', vibe: 'epic', language: 'de' },
];

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const rss = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
};
/** The composer's own process (it runs apart from the station's). */
const composerRss = (): string => {
  const pid = thread.pid();
  if (!pid) return 'closed';
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? mb(Number(kb) * 1024) : 'unknown';
  } catch {
    return 'unknown';
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

const count = Math.min(Number(process.argv[2] ?? 3), REQUESTS.length - 1);
const work = await mkdtemp(join(tmpdir(), 'composer-memory-'));
const thread = startComposerThread({ idleMs: IDLE_MS });
const lines = { push: (line: string) => console.log(line) };
lines.push(`RSS at start: ${mb(rss())}`);

async function timed(request: SongRequest, seed: number, name: string): Promise<{ firstStageMs: number; totalMs: number; bytes: number; durationSec: number }> {
  const started = performance.now();
  let firstStageMs = 0;
  const dir = join(work, name);
  const { manifest } = await thread.composeSong(request, seed, dir, {
    onStage: (e) => {
      if (e.phase === 'done' && !firstStageMs) firstStageMs = performance.now() - started;
    },
  });
  return { firstStageMs, totalMs: performance.now() - started, bytes: await bytesUnder(dir), durationSec: manifest.durationSec };
}

let peak = 0;
let composerPeak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
  const pid = thread.pid();
  if (pid) {
    try {
      composerPeak = Math.max(composerPeak, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024);
    } catch {
      // it just closed
    }
  }
}, 200);
const warmRuns = [];
for (let i = 0; i < count; i++) {
  const run = await timed(REQUESTS[i]!, 3 + i, `song-${i}`);
  warmRuns.push(run);
  console.log(`song ${i + 1}: ${run.durationSec.toFixed(1)} s of music, ${(run.bytes / 1e6).toFixed(2)} MB stored, first stage after ${run.firstStageMs.toFixed(0)} ms, made in ${(run.totalMs / 1000).toFixed(1)} s; RSS station ${mb(rss())}, composer ${composerRss()}`);
}
await thread.composeAnnouncement({ text: STATION_IDS.en, language: 'en' }, join(work, 'id'));
lines.push(`after ${count} songs and a station ID: RSS station ${mb(rss())} (peak ${mb(peak)}), composer ${composerRss()} (peak ${mb(composerPeak)})`);
const idleFrom = performance.now();
while (thread.isOpen()) await sleep(100);
await sleep(1000);
lines.push(`composer closed ${((performance.now() - idleFrom) / 1000).toFixed(1)} s after its last job (COMPOSER_IDLE_MS=${IDLE_MS}): RSS station ${mb(rss())}, composer ${composerRss()}`);
const cold = await timed(REQUESTS[count]!, 99, 'cold');
const warm = await timed(REQUESTS[count]!, 99, 'warm');
clearInterval(sampler);
lines.push(`next song, thread closed (cold): first stage after ${cold.firstStageMs.toFixed(0)} ms, made in ${(cold.totalMs / 1000).toFixed(1)} s`);
lines.push(`same song, thread open (warm): first stage after ${warm.firstStageMs.toFixed(0)} ms, made in ${(warm.totalMs / 1000).toFixed(1)} s`);
const all = [...warmRuns, cold];
lines.push(`bytes per song: ${(all.reduce((t, r) => t + r.bytes, 0) / all.length / 1e6).toFixed(2)} MB on average over ${all.length} songs averaging ${(all.reduce((t, r) => t + r.durationSec, 0) / all.length).toFixed(0)} s`);
await thread.close();
await rm(work, { recursive: true, force: true });
