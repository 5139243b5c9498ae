// song.json: the manifest every song folder carries (the contract in docs/ARCHITECTURE.md).
import type { Genre, Language, SongRequest, Theme, Vibe, VoiceName } from '@radio-optimism/shared';
import type { LyricSection } from './types.js';
import type { SongCheck } from '../songcheck/check-song.js';

export interface SongManifest {
  title: string;
  durationSec: number;
  language: Language;
  genre: Genre;
  vibe: Vibe;
  theme: Theme;
  tempo: number;
  key: string;
  meter: string;
  seed: number;
  /** The voice that sang, when the request chose one (`surprise` resolved to the voice it picked). */
  voice?: VoiceName;
  request: SongRequest;
  lyrics: LyricSection[];
  sections: { kind: string; start: number; end: number }[];
  loudness: { integratedLufs: number; samplePeakDbfs: number };
  /** The song check's verdict, measured when the song was made. */
  check: SongCheck;
  files: {
    /** The stored master: the same compressed file as `stream` (no WAV is kept, see LOSSLESS_FILES). */
    master: 'song.m4a';
    stream: 'song.m4a';
    /** The sung line alone, for the song check (heard by no one). */
    vocals: 'vocals.opus';
    /** The karaoke track the TV plays. */
    accompaniment: 'accompaniment.m4a';
    score: 'score.mid';
    lyrics: 'lyrics.vtt';
    /** JPEG: a grainy 1200 px cover is about 1 MB as PNG and under 100 kB as JPEG (older songs hold
     *  PNGs, see LEGACY_COVER_FILES). */
    cover: 'cover.jpg';
    coverSmall: 'cover-small.jpg';
  };
}

export const SONG_FILES: SongManifest['files'] = {
  master: 'song.m4a',
  stream: 'song.m4a',
  vocals: 'vocals.opus',
  accompaniment: 'accompaniment.m4a',
  score: 'score.mid',
  lyrics: 'lyrics.vtt',
  cover: 'cover.jpg',
  coverSmall: 'cover-small.jpg',
};

/** The covers of songs made before covers were JPEG; served in their place until compact-songs converts them. */
export const LEGACY_COVER_FILES = {
  cover: 'cover.png',
  coverSmall: 'cover-small.png',
} as const;

/** The lossless forms written while a song is made, and read by the encoders and the packager. They
 *  are deleted once the song is encoded, packaged and checked (57 MB a song), unless KEEP_WAV is set;
 *  older folders may still hold them, and readers prefer them when present. */
export const LOSSLESS_FILES = {
  master: 'song.wav',
  vocals: 'vocals.wav',
  accompaniment: 'accompaniment.wav',
} as const;
