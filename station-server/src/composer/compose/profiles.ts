// How each genre and vibe shapes a song. Genres set the groove, the band and the harmony's
// vocabulary; vibes bend tempo, mode, energy and add a colour instrument. Data only, no logic.
import type { Genre, Vibe } from '@radio-optimism/shared';

/** Roman-numeral chord degrees in the key (0-based scale degree) plus a quality suffix. */
export type ChordSpec = { degree: number; quality: '' | 'm' | '7' | 'maj7' | 'm7' | '5' | 'sus4' | 'add9'; flat?: boolean };

export type CompStyle = 'block' | 'arpeggio' | 'strum' | 'power' | 'pad' | 'shell' | 'offbeat-stab';
export type BassStyle = 'roots' | 'eighths' | 'walking' | 'syncopated' | 'octaves' | 'half';
export type DrumStyle = 'pop' | 'ballad' | 'brush' | 'rock' | 'rnb' | 'lofi' | 'four-on-floor' | 'swing' | 'cajon';

export interface GenreProfile {
  tempo: [number, number];
  swing: number; // 0 straight, 0.33 full triplet swing of the off-beats
  meter: [number, number];
  comp: { program: number; style: CompStyle; volume: number };
  /** A second harmony layer (pad or strings), or none. */
  layer?: { program: number; style: CompStyle; volume: number };
  bass: { program: number; style: BassStyle; volume: number };
  drums: DrumStyle;
  /** Progression pools for verse, chorus and bridge, in major; minor vibes use `minor`. */
  major: { verse: ChordSpec[][]; chorus: ChordSpec[][]; bridge: ChordSpec[][] };
  minor: { verse: ChordSpec[][]; chorus: ChordSpec[][]; bridge: ChordSpec[][] };
  /** Extensions colour the harmony: jazz and rnb speak in sevenths. */
  sevenths: boolean;
}

const c = (degree: number, quality: ChordSpec['quality'] = '', flat = false): ChordSpec => ({ degree, quality, flat });
// Shorthands for the progressions below (degrees are 0-based: 0 = I, 4 = V, 5 = vi).
const I = c(0), ii = c(1, 'm'), iii = c(2, 'm'), IV = c(3), V = c(4), vi = c(5, 'm'), bVII = c(6, '', true), bVI = c(5, '', true);
const i = c(0, 'm'), iv = c(3, 'm'), v = c(4, 'm'), III = c(2, '', true), VI = c(5, '', true), VII = c(6, '', true);

const popMinor = { verse: [[i, VI, III, VII], [i, iv, VI, V]], chorus: [[VI, III, VII, i], [VI, VII, i, i]], bridge: [[iv, VI, VII, VII]] };

export const GENRES: Record<Genre, GenreProfile> = {
  pop: {
    tempo: [100, 118], swing: 0, meter: [4, 4],
    comp: { program: 0, style: 'block', volume: 92 }, layer: { program: 89, style: 'pad', volume: 70 },
    bass: { program: 33, style: 'eighths', volume: 100 }, drums: 'pop',
    major: { verse: [[I, V, vi, IV], [vi, IV, I, V]], chorus: [[IV, I, V, vi], [I, V, vi, IV]], bridge: [[ii, IV, vi, V]] },
    minor: popMinor, sevenths: false,
  },
  ballad: {
    tempo: [66, 76], swing: 0, meter: [4, 4],
    comp: { program: 0, style: 'arpeggio', volume: 96 }, layer: { program: 49, style: 'pad', volume: 78 },
    bass: { program: 35, style: 'half', volume: 92 }, drums: 'ballad',
    major: { verse: [[I, vi, IV, V], [I, iii, IV, V]], chorus: [[IV, V, iii, vi], [vi, IV, I, V]], bridge: [[ii, V, I, vi]] },
    minor: { verse: [[i, VI, III, VII]], chorus: [[VI, VII, III, i], [iv, VII, III, VI]], bridge: [[iv, v, VI, VII]] },
    sevenths: false,
  },
  acoustic: {
    tempo: [88, 104], swing: 0, meter: [4, 4],
    comp: { program: 25, style: 'strum', volume: 96 }, layer: { program: 24, style: 'arpeggio', volume: 64 },
    bass: { program: 32, style: 'roots', volume: 90 }, drums: 'cajon',
    major: { verse: [[I, IV, vi, V], [I, c(4), IV, I]], chorus: [[IV, I, V, vi], [vi, IV, I, V]], bridge: [[ii, IV, I, V]] },
    minor: { verse: [[i, VII, VI, VII]], chorus: [[VI, VII, i, i], [III, VII, i, v]], bridge: [[iv, i, VII, VII]] },
    sevenths: false,
  },
  rock: {
    tempo: [118, 140], swing: 0, meter: [4, 4],
    comp: { program: 29, style: 'power', volume: 100 }, layer: { program: 30, style: 'power', volume: 70 },
    bass: { program: 34, style: 'eighths', volume: 104 }, drums: 'rock',
    major: { verse: [[I, bVII, IV, I], [I, IV, V, IV]], chorus: [[I, V, vi, IV], [IV, I, V, V]], bridge: [[vi, IV, bVII, V]] },
    minor: { verse: [[i, VII, VI, VII], [i, i, VI, VII]], chorus: [[VI, VII, i, i], [i, VI, III, VII]], bridge: [[iv, VI, VII, VII]] },
    sevenths: false,
  },
  rnb: {
    tempo: [84, 96], swing: 0.16, meter: [4, 4],
    comp: { program: 4, style: 'shell', volume: 92 }, layer: { program: 89, style: 'pad', volume: 62 },
    bass: { program: 38, style: 'syncopated', volume: 100 }, drums: 'rnb',
    major: { verse: [[c(0, 'maj7'), c(2, 'm7'), c(5, 'm7'), c(3, 'maj7')], [c(1, 'm7'), c(4, '7'), c(0, 'maj7'), c(5, 'm7')]], chorus: [[c(3, 'maj7'), c(2, 'm7'), c(1, 'm7'), c(4, 'sus4')]], bridge: [[c(5, 'm7'), c(1, 'm7'), c(3, 'maj7'), c(4, '7')]] },
    minor: { verse: [[c(0, 'm7'), c(3, 'm7'), c(5, 'maj7', true), c(4, 'm7')]], chorus: [[c(5, 'maj7', true), c(6, '7', true), c(0, 'm7'), c(0, 'm7')]], bridge: [[c(3, 'm7'), c(6, '7', true), c(2, 'maj7', true), c(4, '7')]] },
    sevenths: true,
  },
  lofi: {
    tempo: [72, 86], swing: 0.22, meter: [4, 4],
    comp: { program: 4, style: 'block', volume: 88 }, layer: { program: 11, style: 'arpeggio', volume: 60 },
    bass: { program: 33, style: 'roots', volume: 96 }, drums: 'lofi',
    major: { verse: [[c(1, 'm7'), c(4, '7'), c(0, 'maj7'), c(5, 'm7')], [c(3, 'maj7'), c(2, 'm7'), c(5, 'm7'), c(4, 'sus4')]], chorus: [[c(3, 'maj7'), c(4, '7'), c(2, 'm7'), c(5, 'm7')]], bridge: [[c(1, 'm7'), c(2, 'm7'), c(3, 'maj7'), c(4, '7')]] },
    minor: { verse: [[c(0, 'm7'), c(3, 'm7'), c(6, '7', true), c(2, 'maj7', true)]], chorus: [[c(5, 'maj7', true), c(3, 'm7'), c(0, 'm7'), c(4, 'm7')]], bridge: [[c(3, 'm7'), c(4, 'm7'), c(5, 'maj7', true), c(6, '7', true)]] },
    sevenths: true,
  },
  dance: {
    tempo: [120, 128], swing: 0, meter: [4, 4],
    comp: { program: 81, style: 'offbeat-stab', volume: 80 }, layer: { program: 90, style: 'pad', volume: 74 },
    bass: { program: 38, style: 'octaves', volume: 104 }, drums: 'four-on-floor',
    major: { verse: [[vi, IV, I, V], [I, V, vi, IV]], chorus: [[vi, IV, I, V], [IV, V, vi, vi]], bridge: [[IV, IV, V, V]] },
    minor: { verse: [[i, VI, III, VII]], chorus: [[VI, VII, i, i], [i, VI, VII, VII]], bridge: [[iv, iv, VII, VII]] },
    sevenths: false,
  },
  jazz: {
    tempo: [96, 132], swing: 0.3, meter: [4, 4],
    comp: { program: 0, style: 'shell', volume: 90 }, layer: { program: 66, style: 'pad', volume: 52 },
    bass: { program: 32, style: 'walking', volume: 104 }, drums: 'swing',
    major: { verse: [[c(1, 'm7'), c(4, '7'), c(0, 'maj7'), c(5, '7')], [c(0, 'maj7'), c(5, '7'), c(1, 'm7'), c(4, '7')]], chorus: [[c(3, 'maj7'), c(6, '7', true), c(0, 'maj7'), c(5, '7')], [c(2, 'm7'), c(5, '7'), c(1, 'm7'), c(4, '7')]], bridge: [[c(1, 'm7'), c(4, '7'), c(2, 'm7'), c(5, '7')]] },
    minor: { verse: [[c(0, 'm7'), c(3, 'm7'), c(1, 'm7'), c(4, '7')]], chorus: [[c(5, 'maj7', true), c(1, 'm7'), c(4, '7'), c(0, 'm7')]], bridge: [[c(3, 'm7'), c(6, '7', true), c(2, 'maj7', true), c(4, '7')]] },
    sevenths: true,
  },
};

export interface VibeProfile {
  tempoFactor: number;
  mode: 'major' | 'minor';
  /** Velocity scale and how busy drums and comping are (0..1). */
  energy: number;
  /** A colour instrument that plays a counter-line in choruses. */
  colour: { program: number; volume: number; octave: number };
  /** Tonic pitch classes that suit the vibe (0 = C); one is picked by seed. */
  keys: number[];
}

export const VIBES: Record<Vibe, VibeProfile> = {
  upbeat: { tempoFactor: 1.08, mode: 'major', energy: 0.9, colour: { program: 56, volume: 70, octave: 1 }, keys: [0, 2, 7, 9] },
  heartfelt: { tempoFactor: 0.94, mode: 'major', energy: 0.6, colour: { program: 40, volume: 74, octave: 1 }, keys: [3, 5, 8, 10] },
  calm: { tempoFactor: 0.88, mode: 'major', energy: 0.35, colour: { program: 73, volume: 66, octave: 1 }, keys: [2, 4, 7, 9] },
  epic: { tempoFactor: 1.0, mode: 'minor', energy: 1.0, colour: { program: 61, volume: 78, octave: 0 }, keys: [2, 4, 9, 11] },
  playful: { tempoFactor: 1.06, mode: 'major', energy: 0.75, colour: { program: 12, volume: 80, octave: 1 }, keys: [0, 5, 7, 10] },
  nostalgic: { tempoFactor: 0.96, mode: 'minor', energy: 0.55, colour: { program: 11, volume: 76, octave: 1 }, keys: [4, 6, 9, 11] },
};
