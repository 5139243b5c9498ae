// A segment of silence per rendition, made once per library by the same packager as the songs. When a
// listed segment's file is gone or unreadable, the channel serves this in its place (re-timed to the
// slot), so a player never meets an error in a live playlist while the channel moves on.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeWav } from '../composer/master/wav.js';
import { PACKAGE_DIR, RENDITIONS, SEGMENT_SEC, packageSong, readPackage, type RenditionName } from './hls-package.js';
import { firstPts } from './ts-timestamps.js';

export interface SilentSegment {
  data: Buffer;
  /** The first presentation timestamp inside `data` (90 kHz). */
  origin: bigint;
}

const made = new Map<string, Promise<Map<RenditionName, SilentSegment>>>();

async function make(mediaRoot: string): Promise<Map<RenditionName, SilentSegment>> {
  const dir = join(mediaRoot, 'silence');
  if (!(await readPackage(dir))) {
    // Made aside and renamed into place, so a crash half-way leaves nothing that looks finished.
    const work = join(mediaRoot, `silence.tmp-${process.pid}`);
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const frames = SEGMENT_SEC * 44100;
    await writeFile(join(work, 'song.wav'), encodeWav({ sampleRate: 44100, channels: [new Float32Array(frames), new Float32Array(frames)] }));
    await packageSong(work);
    await rm(dir, { recursive: true, force: true });
    await rename(work, dir);
  }
  const packaged = (await readPackage(dir))!;
  const out = new Map<RenditionName, SilentSegment>();
  for (const r of RENDITIONS) {
    const data = await readFile(join(dir, PACKAGE_DIR, r.name, packaged.segments[0]!.file));
    out.set(r.name, { data, origin: firstPts(data) ?? 0n });
  }
  return out;
}

/** The silent segment of a rendition, made on first use under `mediaRoot/silence`. */
export async function silentSegment(mediaRoot: string, rendition: RenditionName): Promise<SilentSegment> {
  let pending = made.get(mediaRoot);
  if (!pending) {
    pending = make(mediaRoot);
    made.set(mediaRoot, pending);
    pending.catch(() => made.delete(mediaRoot)); // tried again next time
  }
  return (await pending).get(rendition)!;
}
