// The clock channels run on: the wall clock, except that it never runs backwards. Timelines are kept
// in wall-clock time (so a restart picks up where it was), but if the wall clock is set back (a bad
// NTP step, an operator's date command) a channel whose items all lie "in the future" would list
// nothing for as long as the jump. Backward jumps are absorbed by running on the monotonic clock;
// forward jumps are followed (the timeline starts the next item at the new time).
import { performance } from 'node:perf_hooks';

/** Small backward steps (NTP slewing, clock reads out of order) are absorbed by standing still. */
export const BACKWARD_TOLERANCE_MS = 1000;

export function steadyClock(wall: () => number = Date.now, monotonic: () => number = () => performance.now()): () => number {
  let last = wall();
  let lastMono = monotonic();
  return () => {
    const w = wall();
    const m = monotonic();
    const expected = last + Math.max(0, m - lastMono);
    // Behind what the monotonic clock says by more than the tolerance: the wall clock jumped back.
    const t = w < expected - BACKWARD_TOLERANCE_MS ? expected : Math.max(w, last);
    last = t;
    lastMono = m;
    return t;
  };
}
