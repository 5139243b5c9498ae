// Reads one packaged segment for a channel and re-times it, or says why it cannot: a missing file, a
// file cut short to nothing or one that is not MPEG-TS. A file cut mid-packet keeps its whole packets.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AirItem } from './timeline.js';
import { channelPts, firstPts, shiftTimestamps } from './ts-timestamps.js';

const PACKET = 188;

export class SegmentUnreadable extends Error {
  readonly code = 'segment-unreadable';
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'SegmentUnreadable';
  }
}

const reasonOf = (error: unknown): string => ((error as { code?: string }).code === 'ENOENT' ? 'the file is gone' : error instanceof Error ? error.message : String(error));

/** The segment's bytes, whole packets only, with at least one timestamp; or a SegmentUnreadable. */
export async function readTsSegment(path: string): Promise<Buffer> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw new SegmentUnreadable(path, reasonOf(error));
  }
  const whole = data.subarray(0, data.length - (data.length % PACKET));
  let pts: bigint | undefined;
  try {
    pts = firstPts(whole);
  } catch (error) {
    throw new SegmentUnreadable(path, reasonOf(error));
  }
  if (pts === undefined) throw new SegmentUnreadable(path, whole.length === 0 ? 'the file is empty or cut short' : 'no audio timestamps in the file');
  return whole;
}

/** Wall-clock start of segment `n` of an item. */
export const segmentStartMs = (item: AirItem, n: number): number => item.startMs + Math.round(item.segments.slice(0, n).reduce((t, s) => t + s.duration, 0) * 1000);

/**
 * Where the item's first segment sits on its packaged clock: read from that segment, or, when it is
 * unreadable, worked back from segment `n` (packaged segments run on one continuous clock).
 */
export async function itemOrigin(folder: string, item: AirItem, n: number): Promise<bigint> {
  try {
    return firstPts(await readTsSegment(join(folder, item.segments[0]!.file)))!;
  } catch {
    const own = firstPts(await readTsSegment(join(folder, item.segments[n]!.file)))!;
    return own - BigInt(Math.round(((segmentStartMs(item, n) - item.startMs) / 1000) * 90_000));
  }
}

/** itemOrigin, read once per item start (the first segment's file names the item's start). */
export function originCache(): (folder: string, item: AirItem, n: number) => Promise<bigint> {
  const origins = new Map<string, bigint>();
  return async (folder, item, n) => {
    const key = join(folder, item.segments[0]!.file);
    let pts = origins.get(key);
    if (pts === undefined) {
      pts = await itemOrigin(folder, item, n);
      origins.set(key, pts);
    }
    return pts;
  };
}

/** Segment `n` of an item re-timed to the channel's clock. */
export async function channelSegment(folder: string, item: AirItem, n: number, origin: bigint): Promise<Buffer> {
  return shiftTimestamps(await readTsSegment(join(folder, item.segments[n]!.file)), channelPts(item.startMs) - origin);
}
