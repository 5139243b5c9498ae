// npm run bench:video: how long a lyric video takes against the song's own length (the target is at
// most a quarter of it), for songs in three languages made fresh by the composer.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import { composeSong } from '../composer/pipeline.js';
import { closeDefaultRenderPool } from '../composer/render/render.js';
import { makeLyricVideo } from '../video/lyric-video.js';
import { machineLine, writeSection } from './report.js';

const REQUESTS: SongRequest[] = [
  { message: 'Thank you for every early morning you drove me to practice.', to: 'Mom', from: 'Alex', relation: 'family', genre: 'pop', vibe: 'heartfelt', language: 'en' },
  { message: '엄마, 항상 고마워요. 정말 사랑해요.', to: '엄마', from: '지우', genre: 'ballad', vibe: 'calm', language: 'ko' },
  { message: 'Parabéns pela formatura! Sempre soube que você ia conseguir.', to: 'João', genre: 'dance', vibe: 'upbeat', language: 'pt' },
];

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'bench-video-'));
  const rows: string[] = [];
  const ratios: number[] = [];
  try {
    for (const [i, request] of REQUESTS.entries()) {
      const dir = join(work, String(i));
      const { manifest } = await composeSong({ ...request, seed: 3 }, 3, dir);
      const started = performance.now();
      const file = await makeLyricVideo(dir, { title: manifest.title, language: manifest.language, durationSec: manifest.durationSec, to: request.to, from: request.from ?? null });
      const seconds = (performance.now() - started) / 1000;
      const ratio = seconds / manifest.durationSec;
      ratios.push(ratio);
      const mb = (await stat(file)).size / 2 ** 20;
      rows.push(`| ${request.language} | ${manifest.durationSec.toFixed(1)} s | ${seconds.toFixed(1)} s | ${(ratio * 100).toFixed(0)}% | ${mb.toFixed(1)} MB |`);
      console.log(rows[rows.length - 1]);
    }
  } finally {
    await closeDefaultRenderPool();
    await rm(work, { recursive: true, force: true });
  }
  const worst = Math.max(...ratios);
  const body = [
    '## Lyric video (`npm run bench:video`)',
    '',
    `Machine: ${machineLine()}. 1080×1920 H.264 at 15 fps with the song's AAC, one video at a time (as the station makes them).`,
    '',
    '| language | song | video made in | of the song | size |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Target: at most 25% of the song's duration. Worst here: ${(worst * 100).toFixed(0)}% — ${worst <= 0.25 ? 'met' : 'NOT met'}.`,
  ].join('\n');
  writeSection(resolve(process.cwd(), 'docs/BENCHMARKS.md'), 'video', body);
  console.log(`worst ${(worst * 100).toFixed(0)}% of the song's duration`);
}

main().catch((error: unknown) => {
  console.error(`bench:video failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
