// Whether a page's memory grows without bound, judged from one sample a minute (after a forced GC).
// The first minute is left out: the app is still filling caches and hls.js its buffers.

export interface MemorySample {
  minute: number;
  heapBytes: number;
  nodes: number;
  listeners: number;
  documents: number;
}

export interface Trend {
  /** Mean of the first and last third of the samples from minute 1 on. */
  first: number;
  last: number;
  /** (last - first) / first, in percent. */
  growthPct: number;
  /** Least-squares slope over the same samples, in units per minute. */
  slopePerMin: number;
}

/** Under this many samples (after the first minute) thirds are too thin to tell noise from growth. */
export const MIN_SAMPLES = 6;
/** Growth from the first third to the last that still counts as flat: GC timing alone moves a few %. */
export const FLAT_PCT = 5;
/** A heap slope that, kept up for a day, stays under 10 MB: below it a TV left on for a week is fine. */
export const FLAT_SLOPE_KB_PER_MIN = 7;

export function trend(points: { x: number; y: number }[]): Trend {
  const third = Math.max(1, Math.floor(points.length / 3));
  const mean = (ys: number[]) => ys.reduce((a, b) => a + b, 0) / ys.length;
  const first = mean(points.slice(0, third).map((p) => p.y));
  const last = mean(points.slice(-third).map((p) => p.y));
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  return { first, last, growthPct: first ? ((last - first) / first) * 100 : 0, slopePerMin: sxx ? sxy / sxx : 0 };
}

export interface Verdict {
  /** undefined: too few samples to say. */
  bounded: boolean | undefined;
  heap: Trend;
  /** Each page-count metric that grew more than FLAT_PCT, with its trend. */
  grown: { metric: 'nodes' | 'listeners' | 'documents'; trend: Trend }[];
  text: string;
}

const figuresOf = (what: string, t: Trend) => {
  const slopeKb = t.slopePerMin / 1024;
  return `${what} ${(t.first / 2 ** 20).toFixed(2)} MB (first third) → ${(t.last / 2 ** 20).toFixed(2)} MB (last third), ${t.growthPct >= 0 ? '+' : ''}${t.growthPct.toFixed(1)}%; slope ${slopeKb.toFixed(1)} KB/min (${((slopeKb * 1440) / 1024).toFixed(1)} MB a day if it kept on)`;
};
const isFlat = (t: Trend) => t.growthPct <= FLAT_PCT && t.slopePerMin / 1024 <= FLAT_SLOPE_KB_PER_MIN;
const FLAT_MEANS = `flat means within ${FLAT_PCT}% and under ${FLAT_SLOPE_KB_PER_MIN} KB/min`;

export function judge(samples: MemorySample[]): Verdict {
  const after = samples.filter((s) => s.minute >= 1);
  const series = (pick: (s: MemorySample) => number) => trend(after.map((s) => ({ x: s.minute, y: pick(s) })));
  const heap = series((s) => s.heapBytes);
  const grown = (['nodes', 'listeners', 'documents'] as const)
    .map((metric) => ({ metric, trend: series((s) => s[metric]) }))
    .filter((m) => m.trend.growthPct > FLAT_PCT);
  const figures = figuresOf('heap', heap);
  if (after.length < MIN_SAMPLES) return { bounded: undefined, heap, grown, text: `too short to tell (${after.length} samples after the first minute, ${MIN_SAMPLES} needed): ${figures}` };
  const flat = isFlat(heap) && grown.length === 0;
  const counts = grown.map((g) => `${g.metric} ${g.trend.first.toFixed(0)} → ${g.trend.last.toFixed(0)}`).join(', ');
  return {
    bounded: flat,
    heap,
    grown,
    text: flat
      ? `bounded: ${figures}; DOM nodes, listeners and documents flat (within ${FLAT_PCT}%)`
      : `grows: ${figures}${counts ? `; ${counts}` : ''} (${FLAT_MEANS})`,
  };
}

/** The same rule for one part of the heap (bytes by minute, from minute 1 on), e.g. the app's own objects. */
export function judgePart(what: string, points: { minute: number; bytes: number }[]): { bounded: boolean | undefined; text: string } {
  const after = points.filter((p) => p.minute >= 1);
  const t = trend(after.map((p) => ({ x: p.minute, y: p.bytes })));
  const figures = figuresOf(what, t);
  if (after.length < MIN_SAMPLES) return { bounded: undefined, text: `too short to tell (${after.length} samples, ${MIN_SAMPLES} needed): ${figures}` };
  return isFlat(t) ? { bounded: true, text: `bounded: ${figures}` } : { bounded: false, text: `grows: ${figures} (${FLAT_MEANS})` };
}
