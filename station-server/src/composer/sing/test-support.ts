// Test helpers for the sing stage (not used by the product): hand-made sung lines, a 16-bit WAV and
// a one-track MIDI writer, and the song check's vocal measures.
import { readFileSync } from 'node:fs';
import { decodeWav } from '../master/wav.js';
import { trackPitch } from '../../songcheck/pitch-track.js';
import { followNotes, voicedShare } from '../../songcheck/vocal-follow.js';
import { vocalNotesFromMidi } from '../../songcheck/read-song-folder.js';
import type { Language } from '@radio-optimism/shared';
import type { Audio, LyricLine, SingInput, VocalNote } from '../types.js';

/** Lines written as "syl-la-bles per word"; each syllable gets a note, line ends hold a melisma. */
export function fixture(language: Language, lines: string[], seed = 1): SingInput {
  const lyricLines: LyricLine[] = lines.map((text) => ({
    text: text.replace(/-/g, ''),
    syllables: text.split(' ').flatMap((word, w) => word.split('-').map((s, k) => ({ text: s, word: w, stressed: k === 0 }))),
  }));
  const tune = [60, 62, 64, 67, 65, 64, 62, 60, 57, 59, 60, 64, 69, 67, 72, 71, 67, 64];
  const vocals: VocalNote[] = [];
  let t = 0.5;
  let k = 0;
  lyricLines.forEach((line, li) => {
    line.syllables.forEach((s, si) => {
      const last = si === line.syllables.length - 1;
      const dur = last ? 0.6 : si % 3 === 2 ? 0.42 : 0.24;
      const pitch = tune[k++ % tune.length]!;
      vocals.push({ pitch, start: t, duration: dur, velocity: 90, syllable: s.text, line: li, word: s.word, continues: false });
      t += dur + 0.04;
      if (last) {
        // A melisma: the last syllable held on to a neighbouring note.
        vocals.push({ pitch: pitch - 2, start: t - 0.04, duration: 0.5, velocity: 80, syllable: s.text, line: li, word: s.word, continues: true });
        t += 0.5 + 0.6;
      }
    });
  });
  return { language, vocals, lines: lyricLines, durationSec: t + 1, seed };
}

export function encodeWav16(audio: Audio): Buffer {
  const x = audio.channels[0]!;
  const b = Buffer.alloc(44 + x.length * 2);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + x.length * 2, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(audio.sampleRate, 24);
  b.writeUInt32LE(audio.sampleRate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(x.length * 2, 40);
  for (let i = 0; i < x.length; i++) b.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(x[i]! * 32767))), 44 + 2 * i);
  return b;
}

/** A format-1 MIDI file with one track named "Vocals" (120 BPM, 480 ticks per beat). */
export function encodeVocalsMidi(notes: readonly VocalNote[]): Buffer {
  const tick = (sec: number): number => Math.round(sec * 960);
  const events = notes.flatMap((n) => [
    { at: tick(n.start), bytes: [0x90, n.pitch, n.velocity] },
    { at: tick(n.start + n.duration), bytes: [0x80, n.pitch, 0] },
  ]);
  events.sort((a, b) => a.at - b.at || a.bytes[0]! - b.bytes[0]!);
  const vlq = (v: number): number[] => {
    const out = [v & 0x7f];
    while ((v >>= 7) > 0) out.unshift((v & 0x7f) | 0x80);
    return out;
  };
  const name = Buffer.from('Vocals');
  const body: number[] = [0, 0xff, 0x03, name.length, ...name, 0, 0xff, 0x51, 3, 0x07, 0xa1, 0x20];
  let now = 0;
  for (const e of events) {
    body.push(...vlq(e.at - now), ...e.bytes);
    now = e.at;
  }
  body.push(0, 0xff, 0x2f, 0);
  const head = Buffer.from([0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1, 0, 1, 0x01, 0xe0]);
  const trackHead = Buffer.from([0x4d, 0x54, 0x72, 0x6b, 0, 0, 0, 0]);
  trackHead.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, trackHead, Buffer.from(body)]);
}

export interface VocalMeasures {
  /** Share of sung-note frames that are voiced. */
  coverage: number;
  /** Share of voiced sung-note frames within 50 cents (octave folded). */
  pitchWithin50: number;
  /** Lowest share of voiced frames over any line's time span. */
  worstLineVoiced: number;
  /** Share of syllables (first notes) with at least half of their frames voiced. */
  syllablesSung: number;
}

/** The song check's vocal measures, from the files on disk (the WAV and MIDI round trip is part of what is checked). */
export function measure(wavPath: string, midiPath: string, vocals: readonly VocalNote[]): VocalMeasures {
  const frames = trackPitch(decodeWav(readFileSync(wavPath)));
  const follow = followNotes(frames, vocalNotesFromMidi(readFileSync(midiPath)) ?? []);
  const spans = new Map<number, [number, number]>();
  for (const v of vocals) {
    const s = spans.get(v.line) ?? [Infinity, 0];
    spans.set(v.line, [Math.min(s[0], v.start), Math.max(s[1], v.start + v.duration)]);
  }
  const worstLineVoiced = Math.min(...[...spans.values()].map(([a, b]) => voicedShare(frames, a, b)));
  const firsts = vocals.filter((v) => !v.continues);
  const syllablesSung = firsts.filter((v) => voicedShare(frames, v.start, v.start + v.duration) >= 0.5).length / firsts.length;
  return { coverage: follow.coverage, pitchWithin50: follow.within50, worstLineVoiced, syllablesSung };
}
