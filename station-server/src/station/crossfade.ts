// Crossfades, rendered once when the next item is scheduled: the outgoing song's last segments and
// the incoming song's first ones are mixed by ffmpeg into a short transition item, packaged like any
// song. The channel then plays A (shortened), the transition, and B (from where the mix left it).
import { mkdir, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LOSSLESS_FILES, SONG_FILES } from '../composer/manifest.js';
import ffmpeg from 'fluent-ffmpeg';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { packageSong, readPackage, type PackagedAudio, type PackagedSegment } from './hls-package.js';

export interface CrossfadePlan {
  /** Segments dropped from the end of the outgoing item, and their length. */
  tail: number;
  tailSec: number;
  /** Segments skipped at the start of the incoming item, and their length. */
  head: number;
  headSec: number;
  seconds: number;
}

/** The audio a song is mixed from: its lossless master while it has one, else its stored song.m4a. */
export function mixSource(songDir: string): string | undefined {
  return [LOSSLESS_FILES.master, SONG_FILES.stream].map((f) => join(songDir, f)).find((path) => existsSync(path));
}

const total = (segments: PackagedSegment[]) => segments.reduce((t, s) => t + s.duration, 0);

/** Whole segments at each side that cover the overlap; undefined when either side is too short. */
export function planCrossfade(outgoing: PackagedSegment[], incoming: PackagedSegment[], seconds: number): CrossfadePlan | undefined {
  if (seconds <= 0) return undefined;
  let tail = 0;
  while (tail < outgoing.length && total(outgoing.slice(outgoing.length - tail)) < seconds) tail++;
  let head = 0;
  while (head < incoming.length && total(incoming.slice(0, head)) < seconds) head++;
  // Both songs must keep most of themselves.
  if (tail >= outgoing.length / 2 || head >= incoming.length / 2) return undefined;
  return { tail, tailSec: total(outgoing.slice(outgoing.length - tail)), head, headSec: total(incoming.slice(0, head)), seconds };
}

/** The ffmpeg filter: A's tail and B's head overlap by `seconds`, with equal-power curves. */
export function crossfadeFilter(plan: CrossfadePlan): string {
  return `[0:a][1:a]acrossfade=d=${plan.seconds.toFixed(3)}:c1=qsin:c2=qsin,aformat=sample_rates=44100:channel_layouts=stereo[out]`;
}

/** `outgoing` and `incoming` are any audio ffmpeg reads: a song's stored song.m4a, or its WAV while it has one. */
export async function renderCrossfade(outgoingWav: string, outgoingSec: number, incomingWav: string, plan: CrossfadePlan, outDir: string): Promise<PackagedAudio> {
  const done = await readPackage(outDir);
  if (done) return done;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const wav = join(outDir, 'song.wav');
  // The mix is as long as A's tail plus B's head, less the overlap: exactly the audio it replaces.
  await new Promise<void>((resolve, reject) => {
    ffmpeg()
      .setFfmpegPath(ffmpegInstaller.path)
      .input(outgoingWav)
      .inputOptions(['-ss', (outgoingSec - plan.tailSec).toFixed(6)])
      .input(incomingWav)
      .inputOptions(['-t', plan.headSec.toFixed(6)])
      .complexFilter(crossfadeFilter(plan), 'out')
      .outputOptions(['-c:a', 'pcm_s16le', '-fflags', '+bitexact'])
      .output(wav)
      .on('end', () => resolve())
      .on('error', (error: Error) => reject(new Error(`crossfade failed: ${error.message}`)))
      .run();
  });
  await stat(wav);
  const packaged = await packageSong(outDir);
  // The mix is aired from its segments; its WAV would be most of the transition's bytes.
  await rm(wav, { force: true });
  return packaged;
}
