// Scheduled backups (BACKUP_CRON): node-cron runs `makeBackup` into BACKUP_DIR, never two at once, and
// keeps the newest BACKUP_KEEP archives. A failed run is logged; the station plays on.
import cron from 'node-cron';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makeBackup, type BackupSummary } from './make-backup.js';

export interface BackupSchedule {
  /** Makes one now (as the schedule does) and removes the oldest past `keep`. */
  runNow(): Promise<BackupSummary | undefined>;
  stop(): Promise<void>;
}

export interface BackupScheduleOptions {
  cron: string;
  dir: string;
  keep: number;
  dataDir: string;
  playlistsDir: string;
  log: (line: string) => void;
  now?: () => Date;
}

const NAME = /^radio-optimism-\d{8}-\d{6}-\d{3}(-\d+)?\.tar\.gz$/;
/** `20261130-034500-123`: names sort by time (UTC, to the millisecond). */
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').slice(0, 19);

export function scheduleBackups(o: BackupScheduleOptions): BackupSchedule {
  const now = o.now ?? (() => new Date());
  let running: Promise<BackupSummary | undefined> | undefined;
  const runNow = () => {
    running ??= (async () => {
      try {
        const existing = new Set(await readdir(o.dir).catch(() => [] as string[]));
        let name = `radio-optimism-${stamp(now())}.tar.gz`;
        for (let n = 2; existing.has(name); n++) name = `radio-optimism-${stamp(now())}-${n}.tar.gz`;
        const done = await makeBackup({ dataDir: o.dataDir, playlistsDir: o.playlistsDir, file: join(o.dir, name), exclude: [o.dir] });
        const kept = (await readdir(o.dir)).filter((f) => NAME.test(f)).sort();
        for (const old of kept.slice(0, Math.max(0, kept.length - o.keep))) await rm(join(o.dir, old), { force: true });
        o.log(`backup: ${done.songs} songs into ${done.file} (${(done.bytes / 1048576).toFixed(1)} MB); keeping the newest ${o.keep}`);
        return done;
      } catch (error) {
        o.log(`backup failed, the station plays on: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const task = cron.schedule(o.cron, () => void runNow(), { name: 'scheduled-backup', noOverlap: true });
  return {
    runNow,
    async stop() {
      await task.destroy();
      await running;
    },
  };
}
