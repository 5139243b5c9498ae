// The frames the phone acts on: the station's own wire types (shared/src/server-frames.ts).
import type { ServerFrame, SongView } from '@radio-optimism/shared';

export type { ServerFrame };
/** A finished song as `dedication.ready` brings it. */
export type ReadySong = SongView;
