// Statistics rows: one row holds a day of one metric (UTC), every key's 1,440 minute counts, packed
// and deflated. A key counted in most minutes (listeners) is kept as the differences between
// minutes, which are small and repeat; a key counted now and then (plays of one song, a funnel
// step) as the gaps between its minutes and its counts. A busy station's year then takes a few MB
// (docs/BENCHMARKS.md), where a row per minute and key would take hundreds. Both engines store the
// same bytes; this file is the one codec.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { StatCount } from './store.js';

export const MINUTES_PER_ROW = 1440;

/** A row: each key's non-zero counts by minute of the day (0–1439). */
export type RowCounts = Map<string, Map<number, number>>;

/** Dense: [first, second - first, …] up to the last non-zero minute. Sparse: { i: gaps between minutes, v: counts }. */
type Packed = number[] | { i: number[]; v: number[] };

function pack(minutes: ReadonlyMap<number, number>): Packed | undefined {
  const at = [...minutes.keys()].filter((m) => minutes.get(m)).sort((a, b) => a - b);
  if (!at.length) return undefined;
  const span = at[at.length - 1]! + 1;
  if (at.length * 4 < span) return { i: at.map((m, n) => (n ? m - at[n - 1]! : m)), v: at.map((m) => minutes.get(m)!) };
  const dense: number[] = [];
  let last = 0;
  for (let m = 0; m < span; m++) {
    const v = minutes.get(m) ?? 0;
    dense.push(v - last);
    last = v;
  }
  return dense;
}

function unpack(packed: unknown): Map<number, number> {
  const out = new Map<number, number>();
  if (Array.isArray(packed)) {
    let v = 0;
    packed.slice(0, MINUTES_PER_ROW).forEach((d, m) => {
      v += Number(d) || 0;
      if (v) out.set(m, v);
    });
  } else if (packed && typeof packed === 'object') {
    const { i, v } = packed as { i?: unknown; v?: unknown };
    if (Array.isArray(i) && Array.isArray(v)) {
      let m = 0;
      i.forEach((gap, n) => {
        m += Number(gap) || 0;
        const value = Number(v[n]) || 0;
        if (m < MINUTES_PER_ROW && value) out.set(m, value);
      });
    }
  }
  return out;
}

export function encodeRow(row: RowCounts): Buffer {
  const plain: Record<string, Packed> = {};
  for (const [key, minutes] of row) {
    const packed = pack(minutes);
    if (packed) plain[key] = packed;
  }
  return deflateRawSync(JSON.stringify(plain), { level: 9 });
}

export function decodeRow(data: Uint8Array | null | undefined): RowCounts {
  const row: RowCounts = new Map();
  if (!data || data.length === 0) return row;
  const plain = JSON.parse(inflateRawSync(data).toString('utf8')) as Record<string, unknown>;
  for (const [key, packed] of Object.entries(plain)) row.set(key, unpack(packed));
  return row;
}

/** The row a minute goes to (its day). */
export const rowOf = (minute: number): number => Math.floor(minute / MINUTES_PER_ROW);

/** Counts grouped by the row they go to (metric, day), in one order every instance uses (so two
 *  writers lock rows in the same order and never deadlock). */
export function groupByRow(counts: readonly StatCount[]): { metric: string; day: number; add: RowCounts }[] {
  const rows = new Map<string, { metric: string; day: number; add: RowCounts }>();
  for (const c of counts) {
    if (!Number.isFinite(c.value) || c.value === 0) continue;
    const day = rowOf(c.minute);
    const id = `${c.metric}\u0000${day}`;
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { metric: c.metric, day, add: new Map() }));
    let minutes = row.add.get(c.key);
    if (!minutes) row.add.set(c.key, (minutes = new Map()));
    const m = c.minute - day * MINUTES_PER_ROW;
    minutes.set(m, (minutes.get(m) ?? 0) + Math.round(c.value));
  }
  return [...rows.values()].sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : a.day - b.day));
}

/** `into` plus `add`, key by key and minute by minute. */
export function addRows(into: RowCounts, add: RowCounts): RowCounts {
  for (const [key, minutes] of add) {
    const row = into.get(key) ?? new Map<number, number>();
    for (const [m, v] of minutes) row.set(m, (row.get(m) ?? 0) + v);
    into.set(key, row);
  }
  return into;
}

/** A row's non-zero counts within [fromMinute, toMinute), by minute then key. */
export function countsOf(metric: string, day: number, counts: RowCounts, fromMinute: number, toMinute: number): StatCount[] {
  const out: StatCount[] = [];
  const first = day * MINUTES_PER_ROW;
  for (const [key, minutes] of counts) {
    for (const [m, value] of minutes) {
      const minute = first + m;
      if (value && minute >= fromMinute && minute < toMinute) out.push({ minute, metric, key, value });
    }
  }
  return out.sort((a, b) => a.minute - b.minute || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
