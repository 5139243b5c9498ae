// The composer as the station uses it: on its own thread, started on first use (a station that only
// plays never loads the synthesizer), closed when idle, and closed for good so a process can exit.
import { startComposerThread, type ComposerSettings, type ComposerThread } from './composer-thread.js';

let thread: ComposerThread | undefined;
let settings: Partial<ComposerSettings> = {};

/** What the station asks of the composer; every call runs on the composer's threads. */
export type Composer = Pick<ComposerThread, 'composeSong' | 'composeAnnouncement' | 'warm' | 'draftLyrics'>;

/** Sets the idle period and KEEP_WAV from the station's config; takes effect for the next thread. */
export function configureComposer(next: Partial<ComposerSettings>): void {
  settings = { ...settings, ...next };
  const old = thread;
  thread = undefined;
  void old?.close();
}

/** The composer, on its thread. */
export function loadComposer(): Promise<Composer> {
  thread ??= startComposerThread(settings);
  return Promise.resolve(thread);
}

export async function shutdownComposer(): Promise<void> {
  const t = thread;
  thread = undefined;
  await t?.close();
}

/** Ends the composer now, songs being made included (a stopping station makes them at its next start). */
export async function stopComposerNow(): Promise<void> {
  const t = thread;
  thread = undefined;
  await t?.kill();
}
