// Taken-down songs keep their files for a while (TAKEDOWN_KEEP_DAYS, 30 by default) so a mistaken
// takedown can be restored; after that a node-cron job deletes them. The job is registered when the
// station starts and stopped in destroy().
import cron, { type ScheduledTask } from 'node-cron';
import type { MediaStore } from '../media/media-store.js';
import type { Store } from '../library/store.js';
import { songKey } from './ingest.js';

/** When the purge runs: every hour, at minute 17 (off the hour, when other jobs start). */
export const PURGE_CRON = '17 * * * *';
/** Songs purged per run at most; the next run does the rest. */
const PURGE_BATCH = 200;

/** Deletes the files of songs taken down before `nowMs - keepMs`; the ids purged. */
export async function purgeTakedowns(store: Store, media: MediaStore, nowMs: number, keepMs: number): Promise<string[]> {
  const purged: string[] = [];
  for (const t of await store.takedowns.due(nowMs - keepMs, PURGE_BATCH)) {
    await media.remove(songKey(t.songId));
    await store.takedowns.purged(t.songId, nowMs);
    await store.operators.audit({ actor: 'station', action: 'song.purge', target: t.songId, before: { takenDownAtMs: t.atMs, by: t.by } });
    purged.push(t.songId);
  }
  return purged;
}

export interface PurgeSchedule {
  stop(): Promise<void>;
}

export function schedulePurge(opts: { store: Store; media: MediaStore; keepMs: number; log: (line: string) => void; cronExpression?: string; now?: () => number }): PurgeSchedule {
  const now = opts.now ?? Date.now;
  let running: Promise<unknown> = Promise.resolve();
  const task: ScheduledTask = cron.schedule(
    opts.cronExpression ?? PURGE_CRON,
    () => {
      running = purgeTakedowns(opts.store, opts.media, now(), opts.keepMs).then(
        (ids) => ids.length && opts.log(`purged the files of ${ids.length} songs taken down more than ${Math.round(opts.keepMs / 86_400_000)} days ago`),
        (error: unknown) => opts.log(`purging taken-down songs failed (tried again next hour): ${error instanceof Error ? error.message : String(error)}`),
      );
      return running;
    },
    { name: 'takedown-purge', noOverlap: true },
  );
  return {
    async stop() {
      await task.destroy();
      await running;
    },
  };
}
