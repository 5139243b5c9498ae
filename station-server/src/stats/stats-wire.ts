// The shape of GET /api/v1/stats, shared by the station (stats-report.ts) and the console's page.
import type { FunnelStep } from './metrics.js';

/** The periods the page shows: how many minutes, cut into steps of how many minutes. */
export const RANGES = { hour: { minutes: 60, step: 1 }, day: { minutes: 1440, step: 10 }, week: { minutes: 10_080, step: 60 } } as const;
export type StatsRange = keyof typeof RANGES;
export const isRange = (value: unknown): value is StatsRange => typeof value === 'string' && Object.hasOwn(RANGES, value);

export interface StatsReport {
  range: StatsRange;
  from: string;
  to: string;
  stepMinutes: number;
  /** The channels on the programme, by id, with their names. */
  channels: { id: string; name: string }[];
  /** Each step's start, seconds since the epoch. */
  times: number[];
  /** Peak listeners in each step, per channel. */
  listeners: Record<string, number[]>;
  /** Songs started in each step, per channel. */
  plays: Record<string, number[]>;
  funnel: Record<FunnelStep, number>;
  songs: { songId: string; title: string | null; plays: number }[];
  themes: Record<string, number>;
  relations: Record<string, number>;
  languages: Record<string, number>;
  /** Listeners per channel right now, on this instance. */
  now: Record<string, number>;
}
