// The station's statistics, put together for station.ts: the listener counter fed by the live
// playlists, a sweep every target duration that notes each minute's peak, the counts of plays and
// dedications, and the roll-up that writes finished minutes to the store. The roll-up runs on
// node-cron every minute; it is registered when the station starts and stopped in destroy(), which
// writes what is left.
import cron, { type ScheduledTask } from 'node-cron';
import type { SongRecord, Store } from '../library/store.js';
import type { AirItem } from '../station/timeline.js';
import { FIRST_ITEM_LEAD_MS } from '../station/timeline.js';
import { createListenerCounter, type ListenerCounter } from './listener-counter.js';
import { createStatsRecorder, type StatsRecorder } from './stats-recorder.js';
import { DEDICATIONS_AIRED, FUNNEL, LANGUAGES, PLAYS, RELATIONS, SONG_PLAYS, THEMES } from './metrics.js';
import type { StatsSource } from './stats-report.js';
import { minuteOf } from './stats-recorder.js';

/** When finished minutes are written: every minute, 3 s past it (after the minute's last sweep). */
export const ROLLUP_CRON = '3 * * * * *';

/** What dedications tell the statistics (pairing/dedications.ts). */
export interface DedicationStats {
  /** A dedication was stored. */
  sent(target: 'tv' | 'radio'): void;
  /** A dedication's song is made (what people write about is counted here). */
  made(target: 'tv' | 'radio', song: SongRecord): void;
  /** An operator approved a radio dedication. */
  approved(): void;
}

export interface Statistics {
  /** Absent when counting listeners is off (LISTENER_LIMIT=0). */
  counter: ListenerCounter | undefined;
  recorder: StatsRecorder;
  dedications: DedicationStats;
  /** An item went on air on a channel this instance plays out. */
  aired(channel: string, item: AirItem): void;
  source(channels: () => { id: string; name: string }[]): StatsSource;
  destroy(): Promise<void>;
}

export function startStatistics(opts: { store: Store; windowMs: number; maxListeners: number; log: (line: string) => void; now?: () => number; cronExpression?: string }): Statistics {
  const now = opts.now ?? Date.now;
  const startedAt = now();
  const counter = opts.maxListeners > 0 ? createListenerCounter({ windowMs: opts.windowMs, maxSessions: opts.maxListeners, now }) : undefined;
  const recorder = createStatsRecorder({ store: opts.store.stats, now, log: opts.log });
  // Sampled four times a window (each second): a listener who polls once a target duration is in every sample.
  const sweep = counter ? setInterval(() => recorder.sampleListeners(counter.count()), Math.max(250, Math.floor(opts.windowMs / 4))) : undefined;
  sweep?.unref();
  const rollup: ScheduledTask = cron.schedule(opts.cronExpression ?? ROLLUP_CRON, () => recorder.flush(), { name: 'stats-rollup', noOverlap: true });
  const funnel = (step: string) => recorder.count(FUNNEL, step);
  return {
    counter,
    recorder,
    dedications: {
      sent: (target) => target === 'radio' && funnel('sent'),
      made(target, song) {
        if (target === 'radio') funnel('made');
        recorder.count(THEMES, song.theme || 'unknown');
        recorder.count(RELATIONS, song.relation ?? song.request.relation ?? 'unknown');
        recorder.count(LANGUAGES, song.language);
      },
      approved: () => funnel('approved'),
    },
    aired(channel, item) {
      if (item.kind !== 'song' && item.kind !== 'dedication') return;
      // An item already on air when this process started was counted by the one before it.
      if (item.startMs < startedAt - 2 * FIRST_ITEM_LEAD_MS) return;
      recorder.count(PLAYS, channel);
      recorder.count(SONG_PLAYS, item.songId, 1, minuteOf(now()) - (minuteOf(now()) % 60));
      if (item.kind === 'dedication') {
        funnel('aired');
        recorder.count(DEDICATIONS_AIRED, channel);
      }
    },
    source: (channels) => ({ store: opts.store, recorder, channels, listenersNow: () => counter?.count() ?? new Map(), now }),
    async destroy() {
      if (sweep) clearInterval(sweep);
      await rollup.destroy();
      if (counter) recorder.sampleListeners(counter.count());
      await recorder.flush(true);
    },
  };
}
