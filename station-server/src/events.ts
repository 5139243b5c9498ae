// Station events: a string enum, one comment per member saying what its data holds, and a listener
// map that types every handler. A handler that throws becomes an Error event; it never takes the
// station down.
import { EventEmitter } from 'node:events';
import type { AirItem } from './station/timeline.js';
import type { ProgrammeProblem } from './station/programme.js';

export enum StationEvent {
  /** A channel's item on air changed: { channel, current, next }. */
  NowPlaying = 'now-playing',
  /** An item was added to a channel's timeline: { channel, item }. */
  ItemScheduled = 'item-scheduled',
  /** A channel fell back from its playlist: { channel, reason }. */
  Fallback = 'fallback',
  /** The operators' files were loaded: { channels }. */
  ProgrammeLoaded = 'programme-loaded',
  /** The operators' files were refused and the last good version stays: { problems }. */
  ProgrammeRejected = 'programme-rejected',
  /** A song entered the library: { songId }. */
  SongAdded = 'song-added',
  /** Something failed without stopping the station: { code, message, fatal }. */
  Error = 'error',
  /** A radio dedication's song is made and waits for an operator: { dedicationId, songId, to, from, message }. */
  DedicationPending = 'dedication-pending',
}

export interface StationEventMap {
  [StationEvent.NowPlaying]: { channel: string; current: AirItem | undefined; next: AirItem | undefined };
  [StationEvent.ItemScheduled]: { channel: string; item: AirItem };
  [StationEvent.Fallback]: { channel: string; reason: string };
  [StationEvent.ProgrammeLoaded]: { channels: string[] };
  [StationEvent.ProgrammeRejected]: { problems: ProgrammeProblem[] };
  [StationEvent.SongAdded]: { songId: string };
  [StationEvent.Error]: { code: string; message: string; fatal: boolean };
  [StationEvent.DedicationPending]: { dedicationId: string; songId: string | null; to: string; from: string | null; message: string };
}

export class StationEvents {
  private readonly emitter = new EventEmitter();

  on<E extends StationEvent>(event: E, listener: (data: StationEventMap[E]) => void): () => void {
    const wrapped = (data: StationEventMap[E]) => {
      try {
        listener(data);
      } catch (error) {
        // An Error listener that throws is the end of the line: say so on stderr rather than loop.
        if (event === StationEvent.Error) return void console.error(`error listener failed: ${error instanceof Error ? error.message : String(error)}`);
        this.emit(StationEvent.Error, { code: 'listener-failed', message: `${event} listener: ${error instanceof Error ? error.message : String(error)}`, fatal: false });
      }
    };
    this.emitter.on(event, wrapped);
    return () => this.emitter.off(event, wrapped);
  }

  emit<E extends StationEvent>(event: E, data: StationEventMap[E]): void {
    // Node's emitter throws an 'error' event nobody listens to; a station error must never become a
    // throw at the place that reported it, so with no listener it goes to stderr.
    if (event === StationEvent.Error && this.emitter.listenerCount(event) === 0) {
      const { code, message } = data as StationEventMap[StationEvent.Error];
      return void console.error(`error ${code}: ${message}`);
    }
    this.emitter.emit(event, data);
  }

  removeAll(): void {
    this.emitter.removeAllListeners();
  }
}
