import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toneWav } from '../testing/fixtures.js';
import { packageSong } from './hls-package.js';
import { crossfadeFilter, planCrossfade, renderCrossfade } from './crossfade.js';

describe('crossfades', () => {
  it('plans whole segments on each side that cover the overlap', () => {
    const segs = (n: number) => Array.from({ length: n }, (_, i) => ({ file: `s${i}.ts`, duration: 2 }));
    expect(planCrossfade(segs(10), segs(10), 3)).toEqual({ tail: 2, tailSec: 4, head: 2, headSec: 4, seconds: 3 });
    expect(planCrossfade(segs(3), segs(10), 3)).toBeUndefined(); // the outgoing song would lose half of itself
    expect(crossfadeFilter({ tail: 2, tailSec: 4, head: 2, headSec: 4, seconds: 3 })).toContain('acrossfade=d=3.000');
  });

  it('renders a mix that replaces exactly the audio it stands for, less the overlap', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xfade-'));
    try {
      for (const [name, hz] of [['a', 330], ['b', 550]] as const) {
        await writeFile(join(dir, `${name}.wav`), toneWav(20, hz));
      }
      const a = await packageSong(dir, 'a.wav');
      const plan = planCrossfade(a.segments, a.segments, 3)!;
      const mixed = await renderCrossfade(join(dir, 'a.wav'), a.durationSec, join(dir, 'b.wav'), plan, join(dir, 'mix'));
      // A's tail and B's head, overlapped: the channel is `seconds` shorter than the two songs end to end.
      expect(Math.abs(mixed.durationSec - (plan.tailSec + plan.headSec - plan.seconds))).toBeLessThan(0.1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
