// Reloads the operators' files when they change, without a restart and without a break in the
// stream. A broken set of files is refused with the same messages playlists:check prints, and the
// last good programme stays on air.
import { watch, type FSWatcher } from 'node:fs';
import { StationEvent, type StationEvents } from '../events.js';
import { loadProgramme, type Programme } from './programme.js';

export interface ProgrammeWatcher {
  /** Re-reads the files now; resolves with whether they were accepted. */
  reload(): Promise<boolean>;
  destroy(): void;
}

export function watchProgramme(dir: string, events: StationEvents, apply: (programme: Programme) => void, debounceMs = 300): ProgrammeWatcher {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const load = async (): Promise<boolean> => {
    try {
      const result = await loadProgramme(dir);
      if (!result.ok) {
        events.emit(StationEvent.ProgrammeRejected, { problems: result.problems });
        return false;
      }
      apply(result.programme);
      events.emit(StationEvent.ProgrammeLoaded, { channels: result.programme.channels.map((c) => c.id) });
      return true;
    } catch (error) {
      // reload() is fired from a timer: a rejection here would be unhandled. It never rejects.
      events.emit(StationEvent.Error, { code: 'programme-reload-failed', message: `${dir}: ${error instanceof Error ? error.message : String(error)}; the last good programme stays on air`, fatal: false });
      return false;
    }
  };
  // One reload at a time: changes during a reload are read by one more reload after it.
  let running: Promise<boolean> | undefined;
  let queued: Promise<boolean> | undefined;
  const reload = (): Promise<boolean> => {
    if (running) {
      queued ??= running.then(() => {
        queued = undefined;
        return reload();
      });
      return queued;
    }
    running = load().finally(() => (running = undefined));
    return running;
  };
  try {
    // Editors save by rename or by several writes: wait for the folder to settle, then read it all.
    watcher = watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), debounceMs);
    });
    watcher.on('error', (error) => events.emit(StationEvent.Error, { code: 'programme-watch-failed', message: error.message, fatal: false }));
  } catch (error) {
    events.emit(StationEvent.Error, { code: 'programme-watch-failed', message: error instanceof Error ? error.message : String(error), fatal: false });
  }
  return {
    reload,
    destroy() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
