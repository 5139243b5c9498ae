// The look-ahead limiter of limiter.ts, fed a part at a time: the same arithmetic, step for step, with
// its state carried between calls, so the gain it gives a frame is the very gain `limiterGain` gives it
// over the whole song. A frame's gain is final once the samples it looks at (its window and two more)
// are known. Its state is a few small rings, so a copy of it (to try a gain and throw it away) is cheap.

export interface LimiterStreamOptions {
  sampleRate: number;
  ceiling: number;
  /** The song's frames (past them the signal is silence, as `limiterGain` sees the end). */
  frames: number;
  lookaheadSec?: number;
  releaseSec?: number;
}

export class LimiterStream {
  readonly window: number;
  private readonly release: number;
  private readonly ceiling: number;
  private readonly frames: number;
  private readonly size: number;
  private needed: Float32Array;
  private held: Float32Array;
  private smooth: Float32Array;
  private deque: Int32Array;
  private head = 0;
  private tail = 0;
  private sum = 0;
  private g = 1;
  /** The next frame whose needed gain (and held and smoothed value) is to be worked out. */
  private next = 0;
  /** The next frame whose gain is to be given out. */
  done = 0;

  constructor(options: LimiterStreamOptions) {
    this.window = Math.max(1, Math.round((options.lookaheadSec ?? 0.005) * options.sampleRate));
    this.release = 1 - Math.exp(-1 / ((options.releaseSec ?? 0.12) * options.sampleRate));
    this.ceiling = options.ceiling;
    this.frames = options.frames;
    let size = 1;
    while (size < 4 * this.window + 8) size *= 2;
    this.size = size;
    this.needed = new Float32Array(size);
    this.held = new Float32Array(size);
    this.smooth = new Float32Array(size);
    this.deque = new Int32Array(size);
  }

  /** A copy to try a course on and throw away. */
  clone(): LimiterStream {
    const copy = Object.create(LimiterStream.prototype) as LimiterStream;
    Object.assign(copy, this);
    copy.needed = this.needed.slice();
    copy.held = this.held.slice();
    copy.smooth = this.smooth.slice();
    copy.deque = this.deque.slice();
    return copy;
  }

  /** Reads `channels` (song-long) up to frame `known` (the song's end: all of it) and writes every gain
   *  that is now final into `gain` (song-long); returns the frame up to which gains are final. */
  push(channels: readonly Float32Array[], known: number, gain: Float32Array): number {
    const n = this.frames, w = this.window, mask = this.size - 1, ceiling = this.ceiling, release = this.release;
    const needed = this.needed, heldRing = this.held, smooth = this.smooth, deque = this.deque;
    const end = known >= n ? n + w : Math.max(0, known - 2);
    let head = this.head, tail = this.tail, sum = this.sum, g = this.g, done = this.done;
    for (let i = this.next; i < end; i++) {
      let need = 1;
      if (i < n) {
        for (const x of channels) {
          const a = i >= 1 ? x[i - 1]! : 0, b = x[i]!, c = i + 1 < n ? x[i + 1]! : 0, d = i + 2 < n ? x[i + 2]! : 0;
          const ab = Math.abs(b), ac = Math.abs(c);
          if ((9 * (ab + ac) + Math.abs(a) + Math.abs(d)) * 0.0625 <= ceiling && ab <= ceiling) continue;
          const between = (9 * (b + c) - a - d) * 0.0625;
          const level = Math.max(ab, Math.abs(between));
          if (level > ceiling) {
            const r = ceiling / level;
            if (r < need) need = Math.fround(r);
          }
        }
      }
      needed[i & mask] = need;
      // Trailing minimum over the window (a monotonic deque of frame numbers).
      while (tail > head && needed[deque[(tail - 1) & mask]! & mask]! >= need) tail--;
      deque[tail++ & mask] = i;
      if (deque[head & mask]! <= i - w) head++;
      const held = needed[deque[head & mask]! & mask]!;
      heldRing[i & mask] = held;
      sum += held - (i >= w ? heldRing[(i - w) & mask]! : 0);
      smooth[i & mask] = (sum + (i < w ? w - 1 - i : 0)) / w;
      // A frame's gain follows the smoothed value a window ahead of it: falls at once, rises slowly.
      const f = i - w + 1;
      if (f >= 0 && f < n) {
        const target = smooth[i & mask]!;
        g = target < g ? target : g + (target - g) * release;
        gain[f] = Math.min(g, 1);
        done = f + 1;
      }
    }
    this.next = Math.max(this.next, end);
    this.head = head;
    this.tail = tail;
    this.sum = sum;
    this.g = g;
    this.done = done;
    return done;
  }
}
