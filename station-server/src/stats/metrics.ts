// What the station counts, by name: the names the store's buckets, the API and the CSV files use.

/** Peak listeners in a minute, per channel (each instance adds its own). */
export const LISTENERS = 'listeners';
/** Songs that started on air, per channel. */
export const PLAYS = 'plays';
/** Songs that started on air, per song id; kept by the hour (the minute the hour starts). */
export const SONG_PLAYS = 'song-plays';
/** Radio dedications at each step of the funnel (FUNNEL_STEPS, but `listened`, which is worked out). */
export const FUNNEL = 'funnel';
/** Radio dedications that started on air, per channel (to tell which were heard). */
export const DEDICATIONS_AIRED = 'dedications-aired';
/** What dedications made are about: theme, recipient's relation, language. */
export const THEMES = 'themes';
export const RELATIONS = 'relations';
export const LANGUAGES = 'languages';

export const FUNNEL_STEPS = ['sent', 'made', 'approved', 'aired', 'listened'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** Metrics whose minute value is a peak (the most at once), not a sum of events. */
export const GAUGES: ReadonlySet<string> = new Set([LISTENERS]);
