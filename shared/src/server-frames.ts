// What the station sends: the views its HTTP API answers with and every frame it pushes on /ws, typed
// once here and used by the hub that sends them, the TV app and the phone page that read them.
import type { Genre, Language, Vibe } from './catalog.js';
import type { LyricsWarning } from './request.js';
import { ServerMessage, type DedicationStage, type ErrorCode, type PhoneInfo } from './protocol.js';

/** The URLs of a finished song's files. */
export interface SongFilesView {
  audio: string;
  cover: string;
  coverSmall: string;
  lyrics: string;
  /** The instrumental (karaoke) track. */
  karaoke: string;
  manifest: string;
}

/** A finished song, as `GET /api/v1/songs/<id>` and `dedication.ready` describe it. */
export interface SongView {
  id: string;
  status: 'ready';
  title: string;
  language: Language;
  genre: Genre;
  vibe: Vibe;
  theme: string;
  durationSec: number;
  to: string;
  from: string | null;
  createdAt: string;
  files: SongFilesView;
}

/** A song being made whose start can be played: `stream` is its growing HLS media playlist. */
export interface PlayableSongView {
  id: string;
  title: string;
  durationSec: number;
  to: string;
  from: string | null;
  stream: string;
}

export type AirItemKind = 'song' | 'jingle' | 'dedication' | 'intro' | 'transition';

/** The words of a dedication on air. */
export interface DedicationView {
  to: string;
  from: string | null;
  message: string;
}

/** One item on air, as `/api/v1/channels/<id>/now` and `channel.now` describe it. */
export interface AirItemView {
  index: number;
  kind: AirItemKind;
  songId: string;
  title: string;
  start: string;
  end: string;
  artwork: string;
  artworkSmall: string;
  lyrics: string;
  genre: Genre | null;
  vibe: Vibe | null;
  language: Language | null;
  dedication: DedicationView | null;
}

export interface NowView {
  channel: string;
  serverTime: string;
  current: AirItemView | null;
  next: AirItemView | null;
}

/** A channel, as `GET /api/v1/channels` lists it. */
export interface ChannelView {
  id: string;
  name: string;
  description: string;
  hls: string;
  now: AirItemView | null;
}

/** A block of drafted words: a chorus is a block the song repeats. */
export interface LyricsSectionView {
  kind: 'verse' | 'chorus';
  lines: string[];
}

/** Every frame the station sends on /ws. */
export type ServerFrame =
  | ({ type: typeof ServerMessage.Now } & NowView)
  | { type: typeof ServerMessage.TvWelcome; tvId: string; token?: string; pairingCode: string; pairingUrl: string; expiresAt: string; phones: PhoneInfo[] }
  | { type: typeof ServerMessage.TvPhones; phones: PhoneInfo[] }
  | { type: typeof ServerMessage.PhonePaired; sessionToken: string; tvId: string; phoneId: string }
  | { type: typeof ServerMessage.PhoneLeft; reason: 'left' | 'unpaired-by-tv' }
  | { type: typeof ServerMessage.DedicationAccepted; id: string; position?: number }
  | { type: typeof ServerMessage.DedicationProgress; id: string; stage: DedicationStage; position?: number }
  | { type: typeof ServerMessage.DedicationReady; id: string; target: 'tv' | 'radio'; song: SongView; moderation?: 'pending' | 'approved' }
  | { type: typeof ServerMessage.DedicationPlayable; id: string; song: PlayableSongView }
  | { type: typeof ServerMessage.DedicationFailed; id: string; code: string; message: string; songId?: string }
  | { type: typeof ServerMessage.DedicationModerated; id: string; moderation: 'approved' | 'rejected' }
  | { type: typeof ServerMessage.DedicationPlaying; id: string }
  | { type: typeof ServerMessage.LyricsDrafted; seed: number; sections: LyricsSectionView[]; warnings: LyricsWarning[] }
  | { type: typeof ServerMessage.TakeAccepted; group: string; id: string; take: number; seed: number }
  | { type: typeof ServerMessage.TakeProgress; group: string; id: string; stage: DedicationStage }
  | { type: typeof ServerMessage.TakeReady; group: string; id: string; take: number; seed: number; song: SongView }
  | { type: typeof ServerMessage.TakeFailed; group: string; id: string; code: string; message: string }
  | { type: typeof ServerMessage.Pong; n?: number }
  | { type: typeof ServerMessage.Error; code: ErrorCode; message: string };

/** The frame of one type. */
export type ServerFrameOf<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;
