// Where a song made a part at a time is cut. The first part (the intro and the first sung section, at
// most FIRST_PART_MAX_SEC: the less there is to make first, the sooner it plays) is made, mastered and
// packaged first; each later part (at most PART_MAX_SEC, cut where sections meet, a long section at a
// bar) is made and goes out while the one before it plays, so playback stays ahead of the making.
// Notes belong to the part they start in; a note that rings over a cut is rendered whole with its part
// and its tail added under the next, so the parts add up to the one-shot song. A sung line belongs to
// the part its first note starts in, but for a line starting just after a cut: its first consonant
// sounds before its note, so it is sung with the part before (VOICE_LEAD_SEC).
import { SAMPLE_RATE, type InstrumentTrack, type Score } from '../types.js';

/** The first part is long enough to cover the next part's making, short enough to be made quickly. */
export const FIRST_PART_MIN_SEC = 8;
export const FIRST_PART_MAX_SEC = 16;
/** Each later part at most this long: made well within the time the part before it plays. */
export const PART_MAX_SEC = 16;
/** The last part is longer: it holds the end of the last chorus with the outro, so its gain can
 *  bring the whole song to the loudness target without lifting a quiet outro's fade (see master-by-part.ts). */
export const LAST_PART_MIN_SEC = 16;
export const LAST_PART_MAX_SEC = 24;
/** No part shorter than this but for a short song's last (a cut is not worth a sliver). */
export const PART_MIN_SEC = 4;
/** Beyond a part's last note's end, how long its release and the reverb are rendered. */
export const RING_SEC = 3;
/** How long before its note a line's first consonant may sound (sing/layout.ts: up to 0.25 s, and
 *  half a grain), so a line starting this soon after a cut is sung with the part before it. */
export const VOICE_LEAD_SEC = 0.35;

export interface Parts {
  /** Where each part starts, in frames, ending with the song's frames: part k is [cuts[k], cuts[k + 1]). */
  cuts: number[];
  /** The song's frames. */
  frames: number;
}

export function chooseParts(score: Score): Parts {
  const frames = Math.round(score.durationSec * SAMPLE_RATE);
  const end = score.durationSec;
  const bar = (score.meter[0] * 60 * 4) / (score.tempo * score.meter[1]);
  // The start of the bar at or before `t`, counted from the start of the section `t` lies in.
  const barBefore = (t: number): number => {
    const section = [...score.sections].reverse().find((s) => s.start <= t + 1e-9);
    const from = section?.start ?? 0;
    return from + Math.floor((t - from) / bar + 1e-9) * bar;
  };
  const cutsSec: number[] = [0];
  const firstSung = score.sections.find((s) => s.kind !== 'intro');
  let first = Math.min(firstSung?.end ?? FIRST_PART_MAX_SEC, FIRST_PART_MAX_SEC);
  if (firstSung && first < firstSung.end - 1e-9 && barBefore(first) >= FIRST_PART_MIN_SEC) first = barBefore(first);
  first = Math.max(first, Math.min(FIRST_PART_MIN_SEC, end / 2));
  cutsSec.push(first);
  const boundaries = [...new Set(score.sections.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  for (let at = first; end - at > LAST_PART_MAX_SEC; ) {
    const fits = boundaries.filter((b) => b >= at + PART_MIN_SEC && b <= at + PART_MAX_SEC && end - b >= LAST_PART_MIN_SEC);
    let next: number;
    if (fits.length > 0) next = fits[fits.length - 1]!;
    else {
      // A section longer than a part: cut it in equal runs of whole bars, leaving the last part its length.
      const boundary = boundaries.find((b) => b > at + PART_MAX_SEC && end - b >= LAST_PART_MIN_SEC) ?? end;
      const pieces = Math.ceil((boundary - at) / PART_MAX_SEC);
      const bars = Math.max(1, Math.min(Math.floor(PART_MAX_SEC / bar), Math.round((boundary - at) / pieces / bar), Math.floor((end - LAST_PART_MIN_SEC - at) / bar)));
      next = Math.min(at + bars * bar, at + PART_MAX_SEC);
    }
    cutsSec.push(next);
    at = next;
  }
  const cuts = [...new Set(cutsSec.map((t) => Math.min(frames, Math.round(t * SAMPLE_RATE))))];
  if (cuts[cuts.length - 1] !== frames) cuts.push(frames);
  return { cuts, frames };
}

const startFrame = (start: number) => Math.max(0, Math.round(start * SAMPLE_RATE));

/** Part `k`'s tracks: the notes that start in it, moved to start from its cut, and how many frames
 *  render them whole (the last part renders to the song's end). */
export function partTracks(tracks: readonly InstrumentTrack[], parts: Parts, k: number): { tracks: InstrumentTrack[]; frames: number } {
  const from = parts.cuts[k]!, until = parts.cuts[k + 1]!;
  const last = k === parts.cuts.length - 2;
  const offset = from / SAMPLE_RATE;
  let end = 0;
  const moved = tracks.map((t) => {
    const notes = t.notes.filter((n) => startFrame(n.start) >= from && (last || startFrame(n.start) < until)).map((n) => ({ ...n, start: n.start - offset }));
    for (const n of notes) end = Math.max(end, n.start + n.duration);
    return { ...t, notes };
  });
  const frames = last ? parts.frames - from : Math.min(parts.frames - from, Math.round((end + RING_SEC) * SAMPLE_RATE));
  return { tracks: moved, frames };
}

/** The lines part `k` sings (those whose first note starts in [from, until) seconds, for `singLines`). */
export function partLines(parts: Parts, k: number): { from: number; until: number } {
  const last = k === parts.cuts.length - 2;
  return {
    from: k === 0 ? 0 : parts.cuts[k]! / SAMPLE_RATE + VOICE_LEAD_SEC,
    until: last ? Number.POSITIVE_INFINITY : parts.cuts[k + 1]! / SAMPLE_RATE + VOICE_LEAD_SEC,
  };
}

/** Adds `part` into `into` from frame `at` on (channel by channel, clipped to `into`). */
export function addAt(into: Float32Array[], part: readonly Float32Array[], at: number): void {
  into.forEach((channel, c) => {
    const source = part[Math.min(c, part.length - 1)]!;
    const n = Math.min(source.length, channel.length - at);
    for (let i = 0; i < n; i++) channel[at + i] = channel[at + i]! + source[i]!;
  });
}
