// Drum grooves on a sixteen-step bar (General MIDI percussion on channel 10).
import type { Note } from '../types.js';
import type { Random } from '../random.js';
import type { DrumStyle } from './profiles.js';
import type { Clock } from './clock.js';

const KICK = 36, SNARE = 38, RIM = 37, CLAP = 39, HAT = 42, OPEN_HAT = 46, RIDE = 51, CRASH = 49, SHAKER = 70, TAMBOURINE = 54, BRUSH = 40, TOM = 45;

type Pattern = Partial<Record<number, number[]>>;

const GROOVES: Record<DrumStyle, { full: Pattern; light: Pattern }> = {
  pop: {
    full: { [KICK]: [0, 6, 8, 11], [SNARE]: [4, 12], [HAT]: [0, 2, 4, 6, 8, 10, 12, 14], [CLAP]: [12] },
    light: { [KICK]: [0, 8], [RIM]: [4, 12], [HAT]: [0, 4, 8, 12] },
  },
  ballad: {
    full: { [KICK]: [0, 10], [SNARE]: [8], [HAT]: [0, 2, 4, 6, 8, 10, 12, 14] },
    light: { [KICK]: [0], [RIM]: [8], [SHAKER]: [0, 4, 8, 12] },
  },
  brush: {
    full: { [KICK]: [0, 8], [BRUSH]: [4, 12], [RIDE]: [0, 4, 8, 12] },
    light: { [BRUSH]: [4, 12], [RIDE]: [0, 8] },
  },
  rock: {
    full: { [KICK]: [0, 3, 8, 10], [SNARE]: [4, 12], [HAT]: [0, 2, 4, 6, 8, 10, 12, 14], [OPEN_HAT]: [14] },
    light: { [KICK]: [0, 8], [SNARE]: [4, 12], [HAT]: [0, 4, 8, 12] },
  },
  rnb: {
    full: { [KICK]: [0, 3, 7, 10], [SNARE]: [4, 12], [HAT]: [0, 2, 3, 4, 6, 8, 10, 11, 12, 14], [CLAP]: [4, 12] },
    light: { [KICK]: [0, 10], [RIM]: [4, 12], [HAT]: [0, 4, 8, 12] },
  },
  lofi: {
    full: { [KICK]: [0, 7, 10], [SNARE]: [4, 12], [HAT]: [0, 2, 4, 6, 8, 10, 12, 14] },
    light: { [KICK]: [0, 10], [RIM]: [4, 12], [HAT]: [0, 4, 8, 12] },
  },
  'four-on-floor': {
    full: { [KICK]: [0, 4, 8, 12], [CLAP]: [4, 12], [OPEN_HAT]: [2, 6, 10, 14], [HAT]: [0, 1, 3, 4, 5, 7, 8, 9, 11, 12, 13, 15] },
    light: { [KICK]: [0, 4, 8, 12], [HAT]: [2, 6, 10, 14] },
  },
  swing: {
    full: { [RIDE]: [0, 4, 6, 8, 12, 14], [HAT]: [4, 12], [KICK]: [0], [BRUSH]: [14] },
    light: { [RIDE]: [0, 4, 6, 8, 12, 14], [HAT]: [4, 12] },
  },
  cajon: {
    full: { [KICK]: [0, 6, 8], [RIM]: [4, 12], [SHAKER]: [0, 2, 4, 6, 8, 10, 12, 14], [TAMBOURINE]: [4, 12] },
    light: { [KICK]: [0, 8], [RIM]: [12], [SHAKER]: [0, 4, 8, 12] },
  },
};

export interface DrumSection {
  startBeat: number;
  beats: number;
  /** 0 silent, 1 light, 2 full. */
  intensity: 0 | 1 | 2;
  /** Crash on the first beat and a fill into the next section. */
  accent: boolean;
}

export function writeDrums(style: DrumStyle, sections: DrumSection[], clock: Clock, energy: number, random: Random): Note[] {
  const notes: Note[] = [];
  const groove = GROOVES[style];
  const velocityBase = 60 + Math.round(energy * 40);
  for (const section of sections) {
    if (section.intensity === 0) continue;
    const pattern = section.intensity === 2 ? groove.full : groove.light;
    const bars = Math.ceil(section.beats / clock.beatsPerBar);
    for (let bar = 0; bar < bars; bar++) {
      const barBeat = section.startBeat + bar * clock.beatsPerBar;
      const lastBar = bar === bars - 1;
      for (const [drum, steps] of Object.entries(pattern) as [string, number[]][]) {
        for (const step of steps) {
          // The last half bar of a section gives way to a fill.
          if (lastBar && section.accent && step >= 8 && Number(drum) !== KICK) continue;
          const beat = barBeat + step / 4;
          if (beat >= section.startBeat + section.beats) continue;
          const accent = step % 4 === 0 ? 12 : 0;
          notes.push(hit(Number(drum), clock.time(beat), velocityBase + accent - 8 + random.int(0, 10)));
        }
      }
      if (lastBar && section.accent) {
        for (let s = 8; s < 16; s += 2) {
          const beat = barBeat + s / 4;
          const drum = s < 12 ? SNARE : s < 14 ? TOM + 3 : TOM;
          notes.push(hit(drum, clock.time(beat), velocityBase - 10 + s * 2 + random.int(0, 6)));
        }
      }
    }
    if (section.accent) notes.push(hit(CRASH, clock.time(section.startBeat), Math.min(127, velocityBase + 20)));
  }
  return notes;
}

const hit = (pitch: number, start: number, velocity: number): Note => ({ pitch, start, duration: 0.12, velocity: clampVelocity(velocity) });
export const clampVelocity = (v: number): number => Math.max(1, Math.min(127, Math.round(v)));
