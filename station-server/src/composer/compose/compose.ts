// Stage 3, compose: key, tempo, form, harmony, melody and the band, all shaped by genre and vibe.
import type { Genre, Vibe } from '@radio-optimism/shared';
import type { InstrumentTrack, Lyrics, Note, Score, SectionKind, VocalNote } from '../types.js';
import { createRandom } from '../random.js';
import { GENRES, VIBES } from './profiles.js';
import { planForm, SLOTS_PER_CHORD } from './form.js';
import { chordOf, keyName, voicing } from './harmony.js';
import { createClock } from './clock.js';
import { writeMelody } from './melody.js';
import { writeBass, writeColour, writeComp, type ChordEvent } from './parts.js';
import { writeDrums, type DrumSection } from './drums.js';
import { writeBackingVocals } from './backing-vocals.js';
import type { Register } from '../sing/voice.js';

export interface ComposeOptions {
  genre: Genre;
  vibe: Vibe;
  seed: number;
  /** Where the singer's voice sits: `high` (a woman's range, the default) or `low` (a man's). */
  register?: Register;
}

/** Seconds of ringing after the last chord, so the song ends rather than stops. */
const TAIL_SEC = 2.5;
const MAX_SONG_SEC = 118;

export function compose(lyrics: Lyrics, options: ComposeOptions): Score {
  const random = createRandom(options.seed).fork('compose');
  const genre = GENRES[options.genre];
  const vibe = VIBES[options.vibe];
  const chosenTempo = Math.round((genre.tempo[0] + random.next() * (genre.tempo[1] - genre.tempo[0])) * vibe.tempoFactor);
  const mode = vibe.mode;
  const tonic = random.pick(vibe.keys);
  // Keep a sung line near four seconds: eighth-note syllables when the tempo is slow enough.
  const slotsPerBeat = Math.abs(480 / chosenTempo - 4.2) <= Math.abs(240 / chosenTempo - 4.2) ? 2 : 4;
  const swingUnit = slotsPerBeat === 2 || options.genre === 'jazz' ? 0.5 : 0.25;
  const form = planForm(lyrics, genre, mode, random.fork('form'));
  // A song stays within two minutes: a long lyric is sung a little faster (at most a quarter) rather
  // than running on.
  const fitting = Math.ceil(((form.totalSlots / slotsPerBeat) * 60) / (MAX_SONG_SEC - TAIL_SEC));
  const tempo = Math.min(Math.max(chosenTempo, fitting), Math.round(chosenTempo * 1.25));
  const clock = createClock(tempo, slotsPerBeat, genre.meter[0], genre.swing, swingUnit);

  const intensityOf = (kind: SectionKind, occurrence: number): 0 | 1 | 2 =>
    kind === 'intro' || kind === 'outro' ? 0 : kind === 'chorus' || (kind === 'bridge' && occurrence > 0) ? 2 : 1;
  const beatsPerChord = SLOTS_PER_CHORD / slotsPerBeat;
  const events: ChordEvent[] = [];
  for (const section of form.sections) {
    for (let k = 0; k * SLOTS_PER_CHORD < section.slots; k++) {
      const spec = section.progression[k % section.progression.length]!;
      events.push({
        startBeat: (section.startSlot + k * SLOTS_PER_CHORD) / slotsPerBeat,
        beats: beatsPerChord,
        chord: chordOf(spec, tonic),
        intensity: intensityOf(section.kind, section.occurrence),
      });
    }
  }
  const endBeat = form.totalSlots / slotsPerBeat;
  // The song closes on the home chord, held.
  const home = chordOf({ degree: 0, quality: mode === 'major' ? '' : 'm' }, tonic);
  const final: Note[] = voicing(home, 52).map((pitch) => ({ pitch, start: clock.time(endBeat), duration: TAIL_SEC, velocity: 64 }));

  // A low voice sings the tune a minor sixth lower, whatever the key (around G2..G#4 rather than
  // Eb3..E5); the range needs no tonic at its ends, the scale inside it is the key's.
  const tonicPitch = 53 + (((tonic - 53) % 12) + 12) % 12;
  const down = options.register === 'low' ? 8 : 0;
  const range = { low: tonicPitch - 2 - down, high: tonicPitch + 12 - down };
  const melody = writeMelody(form, { tonic, mode, ...range }, random.fork('melody'));
  const vocals: VocalNote[] = melody.map((m) => {
    const planned = form.lines[m.line]!;
    const syllable = planned.line.syllables[m.syllable]!;
    const start = clock.slotTime(m.startSlot);
    const nextIsSame = melody.some((o) => o.line === m.line && o.syllable === m.syllable && o.startSlot > m.startSlot);
    // A small gap before the next syllable leaves room for its consonant; a melisma stays legato.
    const end = clock.slotTime(m.startSlot + m.slots) - (nextIsSame ? 0 : Math.min(0.04, clock.beatSec / slotsPerBeat / 4));
    return {
      pitch: m.pitch,
      start,
      duration: end - start,
      velocity: syllable.stressed ? 100 : 84,
      syllable: syllable.text,
      line: m.line,
      word: syllable.word,
      continues: m.continues,
    };
  });

  const energy = vibe.energy;
  const drumSections: DrumSection[] = form.sections.map((s) => ({
    startBeat: s.startSlot / slotsPerBeat,
    beats: s.slots / slotsPerBeat,
    intensity: s.kind === 'intro' ? (energy > 0.6 ? 1 : 0) : energy < 0.4 ? 1 : intensityOf(s.kind, s.occurrence) === 2 ? 2 : 1,
    accent: s.kind !== 'intro' && s.kind !== 'outro',
  }));
  const parts = random.fork('parts');
  const tracks: InstrumentTrack[] = [
    track('Comp', genre.comp.program, 0, [...writeComp(genre.comp.style, events, clock, energy, 55, parts.fork('comp')), ...final], genre.comp.volume, 58, 40),
    track('Bass', genre.bass.program, 2, writeBass(genre.bass.style, events, clock, energy, tonic, mode, parts.fork('bass')), genre.bass.volume, 64, 10),
    track('Drums', 0, 9, writeDrums(genre.drums, drumSections, clock, energy, parts.fork('drums')), 100, 64, 30),
    track('Colour', vibe.colour.program, 3, writeColour(events, clock, 72 + 12 * (vibe.colour.octave - 1) + 12, parts.fork('colour')), vibe.colour.volume, 78, 60),
  ];
  if (genre.layer) {
    const layerEvents = events.filter((e) => e.intensity > 0);
    tracks.push(track('Layer', genre.layer.program, 1, writeComp(genre.layer.style, layerEvents, clock, energy, 60, parts.fork('layer')), genre.layer.volume, 44, 70));
  }

  const sections = form.sections.map((s) => ({ kind: s.kind, start: clock.slotTime(s.startSlot), end: clock.slotTime(s.startSlot + s.slots) }));
  return {
    tempo,
    meter: genre.meter,
    key: { tonic, mode, name: keyName(tonic, mode) },
    chords: events.map((e) => ({
      start: clock.time(e.startBeat),
      duration: clock.time(e.startBeat + e.beats) - clock.time(e.startBeat),
      symbol: e.chord.symbol,
      pitches: voicing(e.chord, 55),
    })),
    sections,
    tracks: tracks.filter((t) => t.notes.length > 0),
    vocals,
    harmony: writeBackingVocals(options.genre, vocals, sections, { tonic, mode, ...range }),
    durationSec: clock.time(endBeat) + TAIL_SEC,
  };
}

function track(name: string, program: number, channel: number, notes: Note[], volume: number, pan: number, reverb: number): InstrumentTrack {
  return { name, program, channel, notes: notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch), volume, pan, reverb };
}
