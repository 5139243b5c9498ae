// npm run bench:compose: how long a whole song takes (warm, as the server makes them), how the time
// splits across stages, peak memory, and whether a batch of 12 keeps both cores busy.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import { composeSong, STAGES, type Stage } from '../composer/pipeline.js';
import { closeDefaultRenderPool } from '../composer/render/render.js';
import { machineLine, writeSection } from './report.js';

const REQUESTS: SongRequest[] = [
  { message: 'Thank you for every early morning you drove me to practice.', to: 'Mom', from: 'Alex', relation: 'family', genre: 'pop', vibe: 'heartfelt', language: 'en' },
  { message: 'Te extraño cada día. Vuelve pronto, la casa está callada.', to: 'Lucía', genre: 'ballad', vibe: 'nostalgic', language: 'es' },
  { message: 'Parabéns pela formatura! Sempre soube que você ia conseguir.', to: 'João', genre: 'dance', vibe: 'upbeat', language: 'pt' },
  { message: 'Courage pour ton premier jour, tu vas être formidable !', to: 'Léa', genre: 'jazz', vibe: 'playful', language: 'fr' },
  { message: 'Ich liebe dich, auch nach zwanzig Jahren noch wie am ersten Tag.', to: 'Anna', genre: 'lofi', vibe: 'calm', language: 'de' },
  { message: '엄마, 항상 고마워요. 정말 사랑해요.', to: '엄마', genre: 'rock', vibe: 'epic', language: 'ko' },
];

/** CPU seconds of this process (all threads) and of its finished children (ffmpeg encodes), from /proc. */
function cpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // utime, stime, cutime, cstime are fields 14-17 of stat (11-14 after the command name).
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'bench-compose-'));
  const rows: string[] = [];
  const ratios: number[] = [];
  const stageTotals: Partial<Record<Stage, number>> = {};
  let wallTotal = 0;
  try {
    // Warm-up: the first song loads the SoundFont and the voice.
    const coldStart = performance.now();
    await composeSong({ ...REQUESTS[0]!, seed: 1 }, 1, join(work, 'warmup'));
    const coldMs = performance.now() - coldStart;
    for (let round = 0; round < 2; round++) {
      for (const [i, request] of REQUESTS.entries()) {
        const seed = 100 + round * 10 + i;
        const started = performance.now();
        const { manifest, timings } = await composeSong({ ...request, seed }, seed, join(work, `${round}-${i}`));
        const ms = performance.now() - started;
        wallTotal += ms;
        for (const stage of STAGES) stageTotals[stage] = (stageTotals[stage] ?? 0) + (timings[stage] ?? 0);
        const ratio = ms / 1000 / manifest.durationSec;
        ratios.push(ratio);
        rows.push(`| ${request.language} | ${request.genre}/${request.vibe} | ${manifest.durationSec.toFixed(1)} | ${(ms / 1000).toFixed(2)} | 1/${(1 / ratio).toFixed(1)} |`);
        process.stdout.write(`${request.language} ${request.genre}/${request.vibe}: ${(ms / 1000).toFixed(2)} s for ${manifest.durationSec.toFixed(1)} s of song\n`);
      }
    }
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    // A batch of 12, two at a time: CPU time over wall time says how many cores worked.
    const cpuBefore = cpuSeconds();
    const batchStart = performance.now();
    let next = 0;
    const batch = Array.from({ length: 12 }, (_, k) => ({ ...REQUESTS[k % REQUESTS.length]!, seed: 500 + k }));
    await Promise.all(
      [0, 1].map(async () => {
        while (next < batch.length) {
          const k = next++;
          await composeSong(batch[k]!, batch[k]!.seed!, join(work, `batch-${k}`));
        }
      }),
    );
    const batchWall = (performance.now() - batchStart) / 1000;
    const cores = (cpuSeconds() - cpuBefore) / batchWall;

    const stageShare = STAGES.map((s) => `| ${s} | ${((stageTotals[s] ?? 0) / 1000).toFixed(2)} | ${(((stageTotals[s] ?? 0) / wallTotal) * 100).toFixed(0)}% |`);
    const body = `## Compose (\`npm run bench:compose\`)

Machine: ${machineLine()}.

Whole songs made in one warm process (as the server makes them), 2 rounds × 6 requests, all six languages.
Goal: median wall time at most 1/20 of the song's duration; peak memory under 1 GB.

| lang | genre/vibe | song s | wall s | wall / song |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

- **Median wall / duration: 1/${(1 / median(ratios)).toFixed(1)}** (${median(ratios) <= 0.05 ? 'meets' : 'misses'} the 1/20 goal)
- First song in a cold process (SoundFont and voice loading): ${(coldMs / 1000).toFixed(2)} s
- Peak RSS of the whole process (main thread and render workers): ${peakRssMb.toFixed(0)} MB (${peakRssMb < 1024 ? 'under' : 'over'} 1 GB)
- Batch of 12 songs, two at a time: ${batchWall.toFixed(1)} s wall, ${(batchWall / 12).toFixed(2)} s per song, CPU ${(cores * 100).toFixed(0)}% of one core, counting the ffmpeg encoders (${cores.toFixed(2)} of the 2 cores busy on average)

Each stage's share of the songs' wall time (render, cover and sing overlap, so shares can add past 100%):

| stage | total s | share |
| --- | --- | --- |
${stageShare.join('\n')}
`;
    writeSection(resolve(process.cwd(), 'docs/BENCHMARKS.md'), 'compose', body);
    process.stdout.write(`\n${body}\n`);
  } finally {
    await closeDefaultRenderPool();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:compose failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
