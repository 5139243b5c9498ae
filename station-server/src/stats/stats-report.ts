// What the console's Statistics page shows and the CSV files hold, over the last hour, day or week:
// the store's buckets plus the minutes not yet written, cut into steps (a minute, ten minutes, an
// hour). "Listened" is worked out here: a dedication that aired in a minute when its channel had at
// least one listener on any instance.
import type { StatCount, Store } from '../library/store.js';
import type { StatsRecorder } from './stats-recorder.js';
import { minuteOf } from './stats-recorder.js';
import { DEDICATIONS_AIRED, FUNNEL, FUNNEL_STEPS, LANGUAGES, LISTENERS, PLAYS, RELATIONS, SONG_PLAYS, THEMES, type FunnelStep } from './metrics.js';
import { RANGES, type StatsRange, type StatsReport } from './stats-wire.js';

export { RANGES, isRange, type StatsRange, type StatsReport } from './stats-wire.js';

/** Songs listed by plays at most. */
const TOP_SONGS = 20;

export interface StatsSource {
  store: Store;
  recorder: StatsRecorder;
  /** Channels on the programme (shown even with nobody listening). */
  channels(): { id: string; name: string }[];
  /** Listeners per channel now. */
  listenersNow(): ReadonlyMap<string, number>;
  now?: () => number;
}

const tally = (counts: readonly StatCount[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const c of counts) out[c.key] = (out[c.key] ?? 0) + c.value;
  return out;
};

export async function statsReport(source: StatsSource, range: StatsRange): Promise<StatsReport> {
  const { minutes, step } = RANGES[range];
  const nowMs = (source.now ?? Date.now)();
  // Steps end with the one holding the current minute.
  const to = (Math.floor(minuteOf(nowMs) / step) + 1) * step;
  const from = to - minutes;
  const pending = source.recorder.pending();
  const read = async (metric: string, fromMinute = from): Promise<StatCount[]> => [
    ...(await source.store.stats.range(metric, fromMinute, to)),
    ...pending.filter((c) => c.metric === metric && c.minute >= fromMinute && c.minute < to),
  ];
  const steps = minutes / step;
  const series = (counts: readonly StatCount[], keys: readonly string[], peak: boolean): Record<string, number[]> => {
    const out: Record<string, number[]> = {};
    for (const k of keys) out[k] = new Array<number>(steps).fill(0);
    // A gauge adds up across instances within a minute, then takes the peak across the step's minutes.
    const perMinute = new Map<string, number>();
    for (const c of counts) perMinute.set(`${c.minute}\u0000${c.key}`, (perMinute.get(`${c.minute}\u0000${c.key}`) ?? 0) + c.value);
    for (const [id, value] of perMinute) {
      const [minute, key] = id.split('\u0000') as [string, string];
      const row = (out[key] ??= new Array<number>(steps).fill(0));
      const i = Math.floor((Number(minute) - from) / step);
      row[i] = peak ? Math.max(row[i]!, value) : row[i]! + value;
    }
    return out;
  };

  const programme = source.channels();
  const channels = programme.map((c) => c.id);
  const [listeners, plays, funnel, aired, songPlays, themes, relations, languages] = await Promise.all([
    read(LISTENERS),
    read(PLAYS),
    read(FUNNEL),
    read(DEDICATIONS_AIRED),
    // Kept by the hour: the hour the range starts in counts whole.
    read(SONG_PLAYS, from - (from % 60)),
    read(THEMES),
    read(RELATIONS),
    read(LANGUAGES),
  ]);
  const heard = new Set(listeners.filter((c) => c.value > 0).map((c) => `${c.minute}\u0000${c.key}`));
  const steps5 = tally(funnel);
  const byPlays = Object.entries(tally(songPlays)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_SONGS);
  const songs = await Promise.all(byPlays.map(async ([songId, n]) => ({ songId, title: (await source.store.songs.get(songId))?.title ?? null, plays: n })));
  const funnelOut = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, steps5[s] ?? 0])) as Record<FunnelStep, number>;
  funnelOut.listened = aired.filter((c) => heard.has(`${c.minute}\u0000${c.key}`)).reduce((n, c) => n + c.value, 0);
  return {
    range,
    from: new Date(from * 60_000).toISOString(),
    to: new Date(to * 60_000).toISOString(),
    stepMinutes: step,
    channels: programme,
    times: Array.from({ length: steps }, (_, i) => (from + i * step) * 60),
    listeners: series(listeners, channels, true),
    plays: series(plays, channels, false),
    funnel: funnelOut,
    songs,
    themes: tally(themes),
    relations: tally(relations),
    languages: tally(languages),
    now: Object.fromEntries(channels.map((c) => [c, source.listenersNow().get(c) ?? 0])),
  };
}
