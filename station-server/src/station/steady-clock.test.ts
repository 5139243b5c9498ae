import { describe, expect, it } from '@jest/globals';
import { BACKWARD_TOLERANCE_MS, steadyClock } from './steady-clock.js';

describe('the steady clock', () => {
  it('follows the wall clock, runs on through a jump back, stands still through a small step back, and follows a jump forward', () => {
    let wall = 1_000_000;
    let mono = 0;
    const clock = steadyClock(() => wall, () => mono);
    const step = (ms: number) => {
      wall += ms;
      mono += ms;
      return clock();
    };
    expect(clock()).toBe(1_000_000);
    expect(step(500)).toBe(1_000_500);
    wall -= 3_600_000; // set back an hour
    expect(step(500)).toBe(1_001_000);
    expect(step(500)).toBe(1_001_500);
    wall += 3_600_000 + 60_000; // and on again, a minute ahead of where it was
    expect(step(0)).toBe(wall);
    const before = clock();
    wall -= BACKWARD_TOLERANCE_MS / 2; // a small step back: time stands still rather than going back
    expect(clock()).toBe(before);
    expect(step(BACKWARD_TOLERANCE_MS)).toBe(wall);
  });
});
