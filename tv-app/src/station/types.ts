// What the station sends and what the TV sends back: the station's own wire types (shared/src/server-frames.ts).
import type { AirItemKind, AirItemView, ChannelView, ClientFrame as AnyClientFrame, DedicationView, NowView, PhoneInfo, SongFilesView, SongView } from '@radio-optimism/shared';

export type { ServerFrame } from '@radio-optimism/shared';
export type ItemKind = AirItemKind;
export type Dedication = DedicationView;
/** One item on air, as `/api/v1/channels/<id>/now` describes it. */
export type AirItem = AirItemView;
export type NowPlaying = NowView;
export type Channel = ChannelView;
export type SongFiles = SongFilesView;
/** A finished song, as `/api/v1/songs/<id>` describes it. */
export type Song = SongView;
export type PairedPhone = Pick<PhoneInfo, 'id' | 'name'>;

/** Frames the TV sends on /ws. `tv.unpair` and `tv.playing` are the TV's own additions to the protocol. */
export type ClientFrame = Extract<AnyClientFrame, { type: 'channel.subscribe' | 'tv.hello' | 'tv.unpair' | 'tv.playing' }>;
