import { describe, expect, it } from '@jest/globals';
import { upsample2x, upsample2xInto } from './resample.js';

describe('doubling the voice rate over only its sung stretch', () => {
  it('gives the very samples of the whole-buffer resampler, clipped to the buffer', () => {
    const x = new Float32Array(5000);
    for (let i = 1200; i < 3100; i++) x[i] = Math.sin(i * 0.07) * (i % 300 < 200 ? 1 : 0);
    x[4990] = 0.5; // a lone sample near the end
    const whole = upsample2x(x);
    const into = new Float32Array(9985);
    upsample2xInto(x, into);
    for (let i = 0; i < into.length; i++) if (into[i] !== whole[i] && !(into[i] === 0 && whole[i] === 0)) throw new Error(`sample ${i}: ${into[i]} against ${whole[i]}`);
    const silent = new Float32Array(100);
    upsample2xInto(new Float32Array(50), silent);
    expect(silent.every((v) => v === 0)).toBe(true);
  });
});
