// The band's parts over the chord chart: comping, a harmony layer, bass and a colour line.
import type { Note } from '../types.js';
import type { Random } from '../random.js';
import type { BassStyle, CompStyle } from './profiles.js';
import type { Clock } from './clock.js';
import { chordClasses, scalePitches, voicing, type Chord, type Mode } from './harmony.js';
import { clampVelocity } from './drums.js';

export interface ChordEvent {
  startBeat: number;
  beats: number;
  chord: Chord;
  /** 0 quiet (intro, outro) .. 2 full (chorus). */
  intensity: 0 | 1 | 2;
}

const note = (pitch: number, start: number, duration: number, velocity: number): Note => ({
  pitch,
  start,
  duration: Math.max(0.05, duration),
  velocity: clampVelocity(velocity),
});

export function writeComp(style: CompStyle, events: ChordEvent[], clock: Clock, energy: number, low: number, random: Random): Note[] {
  const out: Note[] = [];
  const vel = (base: number, e: ChordEvent) => base + energy * 20 + e.intensity * 6 + random.int(-4, 4);
  for (const e of events) {
    const chordNotes = voicing(e.chord, low, 4);
    const t = (beat: number) => clock.time(e.startBeat + beat);
    const len = (from: number, to: number) => t(Math.min(to, e.beats)) - t(from);
    switch (style) {
      case 'pad':
        for (const p of chordNotes) out.push(note(p, t(0), len(0, e.beats) * 0.98, vel(52, e)));
        break;
      case 'block': {
        const hits = e.intensity === 2 ? [0, 1.5, 2, 3] : [0, 2];
        for (const h of hits) if (h < e.beats) for (const p of chordNotes) out.push(note(p, t(h), len(h, h + (h === 0 ? 1.5 : 1)) * 0.9, vel(58, e)));
        break;
      }
      case 'arpeggio': {
        const order = [0, 1, 2, 3, 2, 1, 0, 1].map((i) => chordNotes[i % chordNotes.length]! + (i === 3 ? 12 : 0));
        for (let s = 0; s < e.beats * 2; s++) out.push(note(order[s % order.length]!, t(s / 2), len(s / 2, s / 2 + 1.5), vel(50, e)));
        break;
      }
      case 'strum': {
        // Down-up strumming: each string a few ms after the last, softer on the up-strokes.
        const pattern = e.intensity === 0 ? [0, 2] : [0, 1, 1.5, 2.5, 3, 3.5];
        for (const h of pattern) {
          if (h >= e.beats) continue;
          const up = h % 1 !== 0;
          const strings = up ? chordNotes.slice().reverse() : [chordNotes[0]! - 12, ...chordNotes];
          strings.forEach((p, k) => out.push(note(p, t(h) + k * 0.012, len(h, h + 1) * 0.95, vel(up ? 44 : 56, e))));
        }
        break;
      }
      case 'power': {
        const root = chordNotes[0]! - 12;
        const hits = e.intensity === 0 ? [0] : Array.from({ length: Math.floor(e.beats * 2) }, (_, k) => k / 2);
        for (const h of hits) for (const p of [root, root + 7, root + 12]) out.push(note(p, t(h), len(h, h + 0.5) * (e.intensity === 0 ? 3.5 : 0.85), vel(60, e)));
        break;
      }
      case 'shell': {
        // Rootless shells (third and seventh) on syncopated hits, as a jazz or neo-soul player comps.
        const shell = chordNotes.slice(1);
        const hits = random.pick([[0, 1.5, 3], [0.5, 2, 3.5], [0, 2.5]]);
        for (const h of hits) if (h < e.beats) for (const p of shell) out.push(note(p, t(h), len(h, h + 1) * 0.8, vel(50, e)));
        break;
      }
      case 'offbeat-stab':
        for (let h = 0.5; h < e.beats; h += 1) for (const p of chordNotes) out.push(note(p + 12, t(h), len(h, h + 0.25), vel(52, e)));
        break;
    }
  }
  return out;
}

export function writeBass(style: BassStyle, events: ChordEvent[], clock: Clock, energy: number, tonic: number, mode: Mode, random: Random): Note[] {
  const out: Note[] = [];
  const low = 33; // A1: keeps the bass under the band and clear of the voice
  const rootPitch = (c: Chord) => low + ((c.root - low) % 12 + 12) % 12;
  const scale = scalePitches(tonic, mode, low, low + 24);
  events.forEach((e, i) => {
    const root = rootPitch(e.chord);
    const fifth = root + 7;
    const t = (beat: number) => clock.time(e.startBeat + beat);
    const len = (a: number, b: number) => t(Math.min(b, e.beats)) - t(a);
    const vel = 76 + energy * 24 + random.int(-5, 5);
    const quiet = e.intensity === 0;
    const add = (p: number, a: number, b: number, v = vel) => {
      if (a < e.beats) out.push(note(p, t(a), len(a, b) * 0.92, v));
    };
    if (quiet || style === 'half') {
      add(root, 0, e.beats / 2);
      add(quiet ? root : fifth, e.beats / 2, e.beats);
      return;
    }
    switch (style) {
      case 'roots':
        add(root, 0, 1.5);
        add(root, 1.5, 2);
        add(fifth - 12 >= low ? fifth - 12 : fifth, 2, 4);
        break;
      case 'eighths':
        for (let h = 0; h < e.beats; h += 0.5) add(root, h, h + 0.5, vel - (h % 1 ? 10 : 0));
        break;
      case 'octaves':
        for (let h = 0; h < e.beats; h += 0.5) add(h % 1 ? root + 12 : root, h, h + 0.5);
        break;
      case 'syncopated':
        add(root, 0, 0.75);
        add(root, 0.75, 1.5, vel - 12);
        add(fifth, 2.5, 3);
        add(root + 12, 3, 3.5, vel - 10);
        break;
      case 'walking': {
        // Four quarter notes that walk toward the next chord's root by scale steps.
        const next = events[i + 1] ? rootPitch(events[i + 1]!.chord) : root;
        const approach = next > root ? next - 1 : next + 1;
        const third = root + (chordClasses(e.chord).includes((e.chord.root + 3) % 12) ? 3 : 4);
        const passing = scale.find((p) => p > third && p < fifth) ?? fifth;
        [root, third, passing, approach].forEach((p, k) => add(p, k, k + 1));
        break;
      }
    }
  });
  return out;
}

/** A counter-line in the colour instrument: long tones on chord tones above the voice, choruses only. */
export function writeColour(events: ChordEvent[], clock: Clock, high: number, random: Random): Note[] {
  const out: Note[] = [];
  for (const e of events) {
    if (e.intensity < 2) continue;
    const classes = chordClasses(e.chord);
    const pc = random.pick(classes);
    const pitch = high + ((pc - high) % 12 + 12) % 12;
    const half = e.beats / 2;
    out.push(note(pitch, clock.time(e.startBeat), clock.time(e.startBeat + half) - clock.time(e.startBeat), 60));
    const pc2 = random.pick(classes);
    out.push(note(high + ((pc2 - high) % 12 + 12) % 12, clock.time(e.startBeat + half), clock.time(e.startBeat + e.beats) - clock.time(e.startBeat + half), 56));
  }
  return out;
}
