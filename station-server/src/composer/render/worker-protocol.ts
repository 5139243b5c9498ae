// Messages between the render pool and its workers.
import type { InstrumentTrack } from '../types.js';
import type { RenderErrorCode } from './errors.js';
import type { SoundFontName } from './soundfont.js';

export interface WorkerSetup {
  soundFont: SoundFontName;
}

export interface RenderJob {
  type: 'render';
  id: number;
  tracks: InstrumentTrack[];
  sampleRate: number;
  frames: number;
}

export interface WarmJob {
  type: 'warm';
  id: number;
}

export type WorkerRequest = RenderJob | WarmJob;

export type WorkerReply =
  | { type: 'rendered'; id: number; left: Float32Array; right: Float32Array; ms: number }
  | { type: 'warmed'; id: number }
  | { type: 'failed'; id: number; code: RenderErrorCode; message: string };
