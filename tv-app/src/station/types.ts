// What the station sends, as the TV reads it (see shared/src/protocol.ts and station-server/src/http).
import type { Genre, Language, Vibe } from '@radio-optimism/shared';

export type ItemKind = 'song' | 'jingle' | 'dedication' | 'intro' | 'transition';

export interface Dedication {
  to: string;
  from: string | null;
  message: string;
}

/** One item on air, as `/api/v1/channels/<id>/now` describes it. */
export interface AirItem {
  index: number;
  kind: ItemKind;
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
  dedication: Dedication | null;
}

export interface NowPlaying {
  channel: string;
  serverTime: string;
  current: AirItem | null;
  next: AirItem | null;
}

export interface Channel {
  id: string;
  name: string;
  description: string;
  hls: string;
  now: AirItem | null;
}

export interface SongFiles {
  audio: string;
  cover: string;
  coverSmall: string;
  lyrics: string;
  karaoke: string;
  manifest: string;
}

/** A finished song, as `/api/v1/songs/<id>` describes it. */
export interface Song {
  id: string;
  status: 'ready';
  title: string;
  language: Language;
  genre: Genre;
  vibe: Vibe;
  theme?: string;
  durationSec: number;
  to: string;
  from: string | null;
  files: SongFiles;
}

export interface PairedPhone {
  id: string;
  name: string;
}

/** Frames the TV receives on /ws. */
export type ServerFrame =
  | ({ type: 'channel.now' } & NowPlaying)
  | { type: 'tv.welcome'; tvId: string; token?: string; pairingCode: string; pairingUrl: string; expiresAt: string; phones: PairedPhone[] }
  | { type: 'tv.phones'; phones: PairedPhone[] }
  | { type: 'dedication.ready'; id: string; song: Partial<Song> & { id: string; title: string } }
  | { type: 'error'; code: string; message: string };

/** Frames the TV sends on /ws. `tv.unpair` is the TV's own addition to the protocol. */
export type ClientFrame =
  | { type: 'channel.subscribe'; channel: string }
  | { type: 'tv.hello'; tvId?: string; token?: string }
  | { type: 'tv.unpair'; phoneId: string };
