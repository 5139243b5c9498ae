// The composer as the station uses it: on its own thread, started on first use (a station that only
// plays never loads the synthesizer), and closed so a process can exit.
import { startComposerThread, type ComposerThread } from './composer-thread.js';

let thread: ComposerThread | undefined;

/** The composer, on its thread. */
export function loadComposer(): Promise<Pick<ComposerThread, 'composeSong' | 'warm'>> {
  thread ??= startComposerThread();
  return Promise.resolve(thread);
}

export async function shutdownComposer(): Promise<void> {
  const t = thread;
  thread = undefined;
  await t?.close();
}
