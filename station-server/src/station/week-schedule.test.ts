import { describe, expect, it } from '@jest/globals';
import { channelSchema, type ChannelConfig } from './programme-schema.js';
import { activePlaylist } from './rotation.js';
import { isIsoDate, MAX_SLOTS_PER_CHANNEL, mondayOf, weekSchedule, zonedMidnight } from './week-schedule.js';

const channel = (shows: { name: string; cron: string; timezone?: string; duration: string }[]): ChannelConfig =>
  channelSchema.parse({ id: 'radio-optimism', name: 'Radio', playlist: 'all-day', shows: shows.map((s) => ({ playlist: 'morning', ...s })) });

const week = (date: string, tz = 'UTC') => {
  const from = zonedMidnight(date, tz);
  return { from, to: zonedMidnight(new Date(Date.parse(`${date}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10), tz) };
};

describe('a week of cron shows', () => {
  it('lists a weekday show once per weekday, at its time in its own time zone', () => {
    const c = channel([{ name: 'Morning', cron: '0 7 * * 1-5', timezone: 'Europe/Lisbon', duration: '2h' }]);
    const { from, to } = week('2026-11-30');
    const [w] = weekSchedule([c], from, to);
    expect(w!.slots.map((s) => s.start)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((d) => `${d}T07:00:00.000Z`));
    expect(w!.slots[0]!.end).toBe('2026-11-30T09:00:00.000Z');
    expect(w!.truncated).toBe(false);
  });

  it('follows summer time: 07:00 in Lisbon is 06:00 UTC after the change', () => {
    const c = channel([{ name: 'Morning', cron: '0 7 * * 1-5', timezone: 'Europe/Lisbon', duration: '2h' }]);
    const { from, to } = week('2026-03-23');
    const starts = weekSchedule([c], from, to)[0]!.slots.map((s) => s.start);
    expect(starts[0]).toBe('2026-03-23T07:00:00.000Z');
    const after = week('2026-03-30');
    expect(weekSchedule([c], after.from, after.to)[0]!.slots[0]!.start).toBe('2026-03-30T06:00:00.000Z');
  });

  it('includes a show that began the week before and is still on at its start', () => {
    const c = channel([{ name: 'Late', cron: '0 23 * * *', duration: '2h' }]);
    const { from, to } = week('2026-11-30');
    const slots = weekSchedule([c], from, to)[0]!.slots;
    expect(slots[0]!.start).toBe('2026-11-29T23:00:00.000Z');
    expect(slots).toHaveLength(8);
    expect(slots.every((s) => Date.parse(s.end) > from && Date.parse(s.start) < to)).toBe(true);
  });

  it('draws the week where the calendar is: a week in Seoul starts at 15:00 UTC the day before', () => {
    expect(new Date(zonedMidnight('2026-11-30', 'Asia/Seoul')).toISOString()).toBe('2026-11-29T15:00:00.000Z');
    expect(new Date(zonedMidnight('2026-07-06', 'America/New_York')).toISOString()).toBe('2026-07-06T04:00:00.000Z');
  });

  it('agrees with playout: the show of every block is the one on air in it', () => {
    const c = channel([
      { name: 'Morning', cron: '0 7 * * 1-5', timezone: 'Europe/Lisbon', duration: '2h' },
      { name: 'Lunch', cron: '30 12 * * *', timezone: 'Asia/Seoul', duration: '45m' },
    ]);
    const { from, to } = week('2026-11-30');
    const slots = weekSchedule([c], from, to)[0]!.slots;
    expect(slots).toHaveLength(12);
    for (const s of slots) {
      expect(activePlaylist(c, Date.parse(s.start) + 60_000).show).toBe(s.show);
      expect(activePlaylist(c, Date.parse(s.end) + 60_000).show).toBeUndefined();
    }
  });

  it(`lists at most ${MAX_SLOTS_PER_CHANNEL} blocks per channel and says it left some out`, () => {
    const c = channel([{ name: 'Every minute', cron: '* * * * *', duration: '1m' }]);
    const { from, to } = week('2026-11-30');
    const w = weekSchedule([c], from, to)[0]!;
    expect(w.slots).toHaveLength(MAX_SLOTS_PER_CHANNEL);
    expect(w.truncated).toBe(true);
  });

  it('finds the Monday of a date and refuses dates that do not exist', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
  });
});
