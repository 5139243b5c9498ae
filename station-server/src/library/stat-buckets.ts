// Statistics rows: one row holds an hour of one metric, every key's 60 minute counts, as deflated
// JSON ({"radio":[3,4,4,…]}, trailing zeros dropped). A minute of a busy channel's listeners then
// costs a byte or two on disk, where a row per minute and key would cost ~80 (see docs/BENCHMARKS.md).
// Both engines store the same bytes; this file is the one codec.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { StatCount } from './store.js';

export const MINUTES_PER_ROW = 60;

/** An hour of one metric: each key's counts by minute of the hour. */
export type HourCounts = Map<string, number[]>;

export function encodeHour(hour: HourCounts): Buffer {
  const plain: Record<string, number[]> = {};
  for (const [key, minutes] of hour) {
    let end = minutes.length;
    while (end > 0 && !minutes[end - 1]) end--;
    if (end > 0) plain[key] = minutes.slice(0, end).map((v) => v || 0);
  }
  return deflateRawSync(JSON.stringify(plain));
}

export function decodeHour(data: Uint8Array | null | undefined): HourCounts {
  const hour: HourCounts = new Map();
  if (!data || data.length === 0) return hour;
  const plain = JSON.parse(inflateRawSync(data).toString('utf8')) as Record<string, unknown>;
  for (const [key, minutes] of Object.entries(plain)) {
    if (!Array.isArray(minutes)) continue;
    const row = new Array<number>(MINUTES_PER_ROW).fill(0);
    minutes.slice(0, MINUTES_PER_ROW).forEach((v, i) => (row[i] = Number(v) || 0));
    hour.set(key, row);
  }
  return hour;
}

/** Counts grouped by the row they go to (metric, hour), in one order every instance uses (so two
 *  writers lock rows in the same order and never deadlock). */
export function groupByRow(counts: readonly StatCount[]): { metric: string; hour: number; add: HourCounts }[] {
  const rows = new Map<string, { metric: string; hour: number; add: HourCounts }>();
  for (const c of counts) {
    if (!Number.isFinite(c.value) || c.value === 0) continue;
    const hour = Math.floor(c.minute / MINUTES_PER_ROW);
    const id = `${c.metric}\u0000${hour}`;
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { metric: c.metric, hour, add: new Map() }));
    let minutes = row.add.get(c.key);
    if (!minutes) row.add.set(c.key, (minutes = new Array<number>(MINUTES_PER_ROW).fill(0)));
    minutes[c.minute - hour * MINUTES_PER_ROW]! += Math.round(c.value);
  }
  return [...rows.values()].sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : a.hour - b.hour));
}

/** `into` plus `add`, key by key and minute by minute. */
export function addHours(into: HourCounts, add: HourCounts): HourCounts {
  for (const [key, minutes] of add) {
    const row = into.get(key) ?? new Array<number>(MINUTES_PER_ROW).fill(0);
    minutes.forEach((v, i) => (row[i] = row[i]! + v));
    into.set(key, row);
  }
  return into;
}

/** A row's non-zero counts within [fromMinute, toMinute), by minute then key. */
export function countsOf(metric: string, hour: number, counts: HourCounts, fromMinute: number, toMinute: number): StatCount[] {
  const out: StatCount[] = [];
  const keys = [...counts.keys()].sort();
  for (let i = 0; i < MINUTES_PER_ROW; i++) {
    const minute = hour * MINUTES_PER_ROW + i;
    if (minute < fromMinute || minute >= toMinute) continue;
    for (const key of keys) {
      const value = counts.get(key)![i]!;
      if (value) out.push({ minute, metric, key, value });
    }
  }
  return out;
}
