// Where a song made a part at a time is cut: the first part (the intro and the first sung section, at
// most FIRST_PART_MAX_SEC: the less there is to make first, the sooner it plays; the rest, made
// several times faster than it plays, is ready long before the first part ends) is made, mastered and packaged first, so it can play while the rest is made.
// Notes belong to the part they start in; a note that rings over the cut is rendered whole with the
// first part and its tail added under the rest, so the parts add up to the one-shot song.
import { SAMPLE_RATE, type InstrumentTrack, type Score } from '../types.js';

/** The first part is long enough to cover the rest's making, short enough to be made quickly. */
export const FIRST_PART_MIN_SEC = 8;
export const FIRST_PART_MAX_SEC = 16;
/** Beyond a first-part note's end, how long its release and the reverb are rendered. */
export const RING_SEC = 3;
/** The first part goes out this far short of the cut: the limiter looks 5 ms ahead and the voice's
 *  compressor and resampler a few samples; what is sent never depends on the rest. */
export const EMIT_MARGIN_SEC = 0.05;

export interface Split {
  /** The cut, in frames (notes that start before it belong to the first part). */
  seam: number;
  /** The frames of the first part that go out before the rest is made. */
  emit: number;
  /** The song's frames. */
  frames: number;
}

export function chooseSplit(score: Score): Split {
  const frames = Math.round(score.durationSec * SAMPLE_RATE);
  const firstSung = score.sections.find((s) => s.kind !== 'intro');
  let seamSec = Math.min(firstSung?.end ?? FIRST_PART_MAX_SEC, FIRST_PART_MAX_SEC);
  // The chorus harmony's level is set against the whole band, so it never falls in the first part.
  const harmonyStart = Math.min(...(score.harmony ?? []).map((n) => n.start));
  seamSec = Math.min(seamSec, harmonyStart);
  seamSec = Math.max(seamSec, Math.min(FIRST_PART_MIN_SEC, score.durationSec / 2));
  const seam = Math.min(frames, Math.round(seamSec * SAMPLE_RATE));
  return { seam, emit: Math.max(0, seam - Math.round(EMIT_MARGIN_SEC * SAMPLE_RATE)), frames };
}

const startFrame = (start: number) => Math.max(0, Math.round(start * SAMPLE_RATE));

/** The tracks with only the notes that start before the seam, and how many frames render them whole. */
export function firstPartTracks(tracks: readonly InstrumentTrack[], split: Split): { tracks: InstrumentTrack[]; frames: number } {
  let end = 0;
  const first = tracks.map((t) => {
    const notes = t.notes.filter((n) => startFrame(n.start) < split.seam);
    for (const n of notes) end = Math.max(end, n.start + n.duration);
    return { ...t, notes };
  });
  return { tracks: first, frames: Math.min(split.frames, Math.round((end + RING_SEC) * SAMPLE_RATE)) };
}

/** The tracks with the notes that start at or after the seam, moved to start from the seam. */
export function restTracks(tracks: readonly InstrumentTrack[], split: Split): InstrumentTrack[] {
  const offset = split.seam / SAMPLE_RATE;
  return tracks.map((t) => ({ ...t, notes: t.notes.filter((n) => startFrame(n.start) >= split.seam).map((n) => ({ ...n, start: n.start - offset })) }));
}

/** Adds `part` into `into` from frame `at` on (channel by channel, clipped to `into`). */
export function addAt(into: Float32Array[], part: readonly Float32Array[], at: number): void {
  into.forEach((channel, c) => {
    const source = part[Math.min(c, part.length - 1)]!;
    const n = Math.min(source.length, channel.length - at);
    for (let i = 0; i < n; i++) channel[at + i] = channel[at + i]! + source[i]!;
  });
}
