// A second voice on the choruses: the lead's rhythm and syllables, a diatonic third under each note
// (a third above when that would fall out of the singer's range), so it moves in parallel with the
// tune and stays inside the key.
// Genres that suit it: pop, dance, rock, ballad and rnb, where stacked chorus vocals are part of the
// sound (the doubled pop and dance hook, rock's backing vocals, the ballad's lifted last chorus,
// R&B's gospel-rooted harmonies). Acoustic, lofi and jazz keep one voice: the singer-songwriter and
// the lofi voice are close and alone by design, and a jazz singer phrases freely, where parallel
// thirds would sound like barbershop.
import type { Genre } from '@radio-optimism/shared';
import type { SectionTiming, VocalNote } from '../types.js';
import { scalePitches, type Mode } from './harmony.js';

export const HARMONY_GENRES: ReadonlySet<Genre> = new Set<Genre>(['pop', 'dance', 'rock', 'ballad', 'rnb']);

export interface BackingOptions {
  tonic: number;
  mode: Mode;
  /** The lead's range (MIDI); the harmony may reach a third beyond it. */
  low: number;
  high: number;
}

/** The harmony notes for every chorus of the song, or none when the genre keeps one voice. */
export function writeBackingVocals(genre: Genre, vocals: readonly VocalNote[], sections: readonly SectionTiming[], options: BackingOptions): VocalNote[] {
  if (!HARMONY_GENRES.has(genre)) return [];
  const choruses = sections.filter((s) => s.kind === 'chorus');
  const inChorus = (n: VocalNote): boolean => choruses.some((s) => n.start >= s.start - 1e-6 && n.start < s.end - 1e-6);
  const scale = scalePitches(options.tonic, options.mode, options.low - 5, options.high + 5);
  return vocals.filter(inChorus).map((n) => {
    const at = scale.indexOf(n.pitch);
    // A melody note is always in the scale; a chord tone outside it (none today) is left in unison.
    const below = at >= 2 ? scale[at - 2]! : undefined;
    const above = at >= 0 && at + 2 < scale.length ? scale[at + 2]! : undefined;
    const pitch = below !== undefined && below >= options.low - 3 ? below : (above ?? n.pitch);
    // A little softer than the lead: it sits under it.
    return { ...n, pitch, velocity: Math.round(n.velocity * 0.8) };
  });
}
