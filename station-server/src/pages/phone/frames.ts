// The frames the phone acts on: the station's own wire types (shared/src/server-frames.ts).
import type { ServerFrameOf, SongView } from '@radio-optimism/shared';

/** What the station sends a phone. */
export type ServerFrame = ServerFrameOf<'phone.paired' | 'phone.left' | 'dedication.accepted' | 'dedication.progress' | 'dedication.ready' | 'dedication.failed' | 'dedication.moderated' | 'dedication.playing' | 'lyrics.drafted' | 'take.accepted' | 'take.progress' | 'take.ready' | 'take.failed' | 'error'>;
/** A finished song as `dedication.ready` brings it. */
export type ReadySong = SongView;
