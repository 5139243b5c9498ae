// The frames the phone acts on, as the station sends them (names from shared/src/protocol.ts).
import type { DedicationStage, ErrorCode } from '@radio-optimism/shared';

export interface SongFiles {
  audio: string;
  cover: string;
  coverSmall: string;
  lyrics: string;
  karaoke?: string;
}

export interface ReadySong {
  id: string;
  title: string;
  to: string;
  from?: string | null;
  durationSec: number;
  files: SongFiles;
}

export type ServerFrame =
  | { type: 'phone.paired'; sessionToken: string; tvId: string; phoneId: string }
  | { type: 'phone.left'; reason?: 'left' | 'unpaired-by-tv' | string }
  | { type: 'dedication.accepted'; id: string; position?: number }
  | { type: 'dedication.progress'; id: string; stage: DedicationStage; position?: number }
  | { type: 'dedication.ready'; id: string; target: 'tv' | 'radio'; song: ReadySong; moderation?: string }
  | { type: 'dedication.failed'; id: string; code: string; message: string }
  | { type: 'error'; code: ErrorCode | string; message: string };
