// A week of each channel's shows, from their cron expressions in channels.yaml, for the console's
// calendar: the same parser and time zones playout uses (rotation.ts activePlaylist), so a block in
// the calendar is when the show is on air. Outside the blocks a channel plays its own playlist.
import { CronExpressionParser } from 'cron-parser';
import type { ChannelConfig } from './programme-schema.js';

/** Blocks listed per channel and week: a show every minute would be 10,080, far more than a calendar shows. */
export const MAX_SLOTS_PER_CHANNEL = 400;

export interface ShowSlot {
  show: string;
  playlist: string;
  /** ISO instants. */
  start: string;
  end: string;
}

export interface ChannelWeek {
  id: string;
  name: string;
  playlist: string;
  slots: ShowSlot[];
  /** Set when the shows start more often than MAX_SLOTS_PER_CHANNEL times in the week. */
  truncated: boolean;
}

const DAY_MS = 86_400_000;

/** Milliseconds `timeZone` is ahead of UTC at `atMs`. */
export function zoneOffsetMs(atMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(atMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(atMs / 1000) * 1000;
}

/** The instant of midnight starting `date` (YYYY-MM-DD) in `timeZone`. */
export function zonedMidnight(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - zoneOffsetMs(guess, timeZone);
  // Once more at the result: the offset may differ there (a DST change that day).
  return guess - zoneOffsetMs(first, timeZone);
}

/** The Monday (YYYY-MM-DD) of the week holding `date`. */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = Date.UTC(y, m - 1, d);
  const weekday = (new Date(at).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(at - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export const isIsoDate = (s: string): boolean => {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN;
  return !Number.isNaN(at) && new Date(at).toISOString().startsWith(s);
};

export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * Every show that is on air at some moment of [fromMs, toMs), per channel, in time order: a show
 * that started before `fromMs` and still runs is included, so the week's first hours are right too.
 */
export function weekSchedule(channels: readonly ChannelConfig[], fromMs: number, toMs: number): ChannelWeek[] {
  return channels.map((c) => {
    const slots: ShowSlot[] = [];
    let truncated = false;
    for (const show of c.shows) {
      const it = CronExpressionParser.parse(show.cron, { currentDate: new Date(fromMs - show.duration - 1), endDate: new Date(toMs), tz: show.timezone });
      while (it.hasNext()) {
        const startMs = it.next().getTime();
        if (startMs >= toMs) break;
        if (startMs + show.duration <= fromMs) continue;
        if (slots.length >= MAX_SLOTS_PER_CHANNEL) {
          truncated = true;
          break;
        }
        slots.push({ show: show.name, playlist: show.playlist, start: new Date(startMs).toISOString(), end: new Date(startMs + show.duration).toISOString() });
      }
    }
    slots.sort((a, b) => a.start.localeCompare(b.start));
    return { id: c.id, name: c.name, playlist: c.playlist, slots, truncated };
  });
}
