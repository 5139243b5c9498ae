// The typed hand-offs between composer stages. Each stage is a function from one of these to the next;
// stages never read each other's files, the pipeline (pipeline.ts) wires them.
import type { Genre, Language, Relation, SongRequest, Theme, Vibe, VoiceChoice } from '@radio-optimism/shared';

/** Stage 1, understand: what the message is about, for whom, and the sender's own phrases. */
export interface Understanding {
  language: Language;
  theme: Theme;
  recipient: string;
  sender?: string;
  relation: Relation;
  /** Short phrases taken from the message itself (in its own words), best first. */
  keyPhrases: string[];
  /** The same phrases with the boundaries inside them, where a line may break (best first). */
  phrases: KeyPhrase[];
  /** Occasions and details the message mentions (birthday, exam, pet...): imagery, never the intent. */
  details: Detail[];
}

export const DETAILS = ['birthday', 'anniversary', 'wedding', 'graduation', 'exam', 'work', 'sport', 'distance', 'illness', 'pet', 'music'] as const;
export type Detail = (typeof DETAILS)[number];

/** A run of a sentence's words between phrase boundaries; `cut` is the strength of the boundary before
 *  it: 3 punctuation, 2 a conjunction or relative pronoun (a Korean connective ending), 1 a preposition,
 *  0.5 an article or possessive opening a noun phrase. */
export interface PhrasePiece {
  text: string;
  cut: number;
}

/** One or more whole clauses of one sentence of the message, in the sender's words. */
export interface KeyPhrase {
  text: string;
  /** Which sentence of the message it comes from (lines from one sentence must stay together). */
  sentence: number;
  /** True when the phrase is the whole sentence. */
  whole: boolean;
  /** True when the phrase itself makes the message's act ("thank you for every walk"). */
  act: boolean;
  pieces: PhrasePiece[];
}

export type SectionKind = 'intro' | 'verse' | 'chorus' | 'bridge' | 'outro';

/** One sung line: its text and its syllables in order, each with whether it carries stress. */
export interface LyricLine {
  text: string;
  syllables: Syllable[];
}

export interface Syllable {
  /** The written syllable as it appears in `text` (concatenating a word's syllables gives the word). */
  text: string;
  /** Index of the word in the line this syllable belongs to. */
  word: number;
  stressed: boolean;
}

export interface LyricSection {
  kind: SectionKind;
  lines: LyricLine[];
}

/** Stage 2, lyrics. */
export interface Lyrics {
  language: Language;
  title: string;
  sections: LyricSection[];
}

/** A note in seconds from the song's start. */
export interface Note {
  pitch: number; // MIDI note number
  start: number; // s
  duration: number; // s
  velocity: number; // 1..127
}

export interface InstrumentTrack {
  name: string;
  /** General MIDI program 0..127 (ignored for drums). */
  program: number;
  /** MIDI channel 0..15; 9 is drums. */
  channel: number;
  notes: Note[];
  /** Mix volume 0..127 and pan 0..127 (64 centre), sent as CC7 and CC10. */
  volume: number;
  pan: number;
  /** Reverb send 0..127 (CC91). */
  reverb: number;
}

/** A sung note: one syllable (or the held tail of one, `continues`) on one pitch. */
export interface VocalNote extends Note {
  syllable: string;
  /** Index into the flattened lyric lines (all sections in order). */
  line: number;
  word: number;
  /** True when this note holds the previous note's syllable (a melisma), so nothing new is sung. */
  continues: boolean;
}

export interface SectionTiming {
  kind: SectionKind;
  start: number;
  end: number;
}

/** Stage 3, compose. */
export interface Score {
  tempo: number; // BPM
  meter: [number, number];
  key: { tonic: number; mode: 'major' | 'minor'; name: string };
  chords: { start: number; duration: number; symbol: string; pitches: number[] }[];
  sections: SectionTiming[];
  tracks: InstrumentTrack[];
  vocals: VocalNote[];
  /** A second voice in harmony on the choruses (empty when the genre keeps one voice). */
  harmony?: VocalNote[];
  /** Where the music ends, tail included. */
  durationSec: number;
}

/** Mono or stereo PCM at `sampleRate`, channels as float arrays in -1..1. */
export interface Audio {
  sampleRate: number;
  channels: Float32Array[];
}

export const SAMPLE_RATE = 44100;

/** Stage 4, sing. */
export interface SingInput {
  language: Language;
  vocals: VocalNote[];
  lines: LyricLine[];
  durationSec: number;
  /** Varies timbre a little between songs; same seed, same voice. */
  seed: number;
  /** The singer asked for (absent: the seed picks one of the higher voices). */
  voice?: VoiceChoice;
  /** Sing `name` as `as` sounds (the recipient's "sounds like"): only the speech changes, never the text. */
  respell?: { name: string; as: string };
}

/** Stage 6, cover art. */
export interface CoverInput {
  title: string;
  recipient: string;
  sender?: string;
  genre: Genre;
  vibe: Vibe;
  theme: Theme;
  language: Language;
  seed: number;
}

export interface CoverImages {
  /** PNG, at least 1000x1000. */
  large: Buffer;
  /** PNG, small (for lists and notifications). */
  small: Buffer;
}

export interface ComposeJob {
  request: SongRequest;
  seed: number;
}
