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
    master: 'song.wav';
    stream: 'song.m4a';
    vocals: 'vocals.wav';
    accompaniment: 'accompaniment.wav';
    score: 'score.mid';
    lyrics: 'lyrics.vtt';
    cover: 'cover.png';
    coverSmall: 'cover-small.png';
  };
}

export const SONG_FILES: SongManifest['files'] = {
  master: 'song.wav',
  stream: 'song.m4a',
  vocals: 'vocals.wav',
  accompaniment: 'accompaniment.wav',
  score: 'score.mid',
  lyrics: 'lyrics.vtt',
  cover: 'cover.png',
  coverSmall: 'cover-small.png',
};
