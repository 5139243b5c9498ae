import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Audio } from '../types.js';
import { MASTER_CEILING_DBFS, masterSong, measureLufs } from './master.js';
import { decodeWav, encodeWav } from './wav.js';
import { aacArgs, encodeAac, ffmpegPath } from './encode-aac.js';

/** An outside judge: ffmpeg's own EBU R128 meter (libavfilter ebur128) reads a WAV's integrated loudness. */
function ffmpegLufs(audio: Audio): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'ebur128-'));
  try {
    const file = path.join(dir, 'x.wav');
    writeFileSync(file, encodeWav(audio, 24));
    // The meter prints its summary on stderr.
    const run = spawnSync(ffmpegPath(), ['-nostdin', '-hide_banner', '-i', file, '-af', 'ebur128', '-f', 'null', '-'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`ffmpeg failed: ${run.stderr.slice(-300)}`);
    return ebur128Integrated(run.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
function ebur128Integrated(text: string): number {
  const summary = text.slice(text.lastIndexOf('Integrated loudness'));
  const m = /I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary);
  if (!m) throw new Error(`no integrated loudness in ffmpeg's output: ${summary.slice(0, 200)}`);
  return m[1] === '-inf' ? -Infinity : Number(m[1]);
}

const FS = 44100;
/** A seeded noise band with a beat (so limiting has peaks to catch) and a sung-like tone line. */
function band(seconds: number, level: number): Audio {
  const n = Math.round(seconds * FS);
  let s = 12345;
  const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  const l = new Float32Array(n), r = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / FS;
    const beat = Math.exp(-((t % 0.5) * 30)) * Math.sin(2 * Math.PI * 55 * t);
    const chord = Math.sin(2 * Math.PI * 220 * t) + 0.7 * Math.sin(2 * Math.PI * 277 * t) + 0.5 * Math.sin(2 * Math.PI * 330 * t);
    l[i] = level * (0.9 * beat + 0.15 * chord + 0.05 * rnd());
    r[i] = level * (0.9 * beat + 0.12 * chord + 0.05 * rnd());
  }
  return { sampleRate: FS, channels: [l, r] };
}
function voice(seconds: number, level: number): Audio {
  const n = Math.round(seconds * FS);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / FS;
    const on = t % 1 < 0.7 ? 1 : 0; // phrases with gaps
    const f = 196 * 2 ** (Math.floor(t) % 5 / 12);
    let x = 0;
    for (let h = 1; h <= 6; h++) x += Math.sin(2 * Math.PI * f * h * t) / h;
    v[i] = level * on * x;
  }
  return { sampleRate: FS, channels: [v] };
}
const peakDb = (a: Audio): number => {
  let p = 0;
  for (const ch of a.channels) for (const x of ch) p = Math.max(p, Math.abs(x));
  return 20 * Math.log10(p);
};

describe('masterSong', () => {
  for (const [name, vocalLevel, bandLevel] of [['quiet', 0.02, 0.05], ['hot', 0.5, 0.9]] as const) {
    it(`brings a ${name} mix to -16 LUFS (as ffmpeg's EBU R128 meter reads it) with peaks under the ceiling (MASTER_CEILING_DBFS)`, () => {
      const out = masterSong(voice(8, vocalLevel), band(8, bandLevel), {});
      const judged = ffmpegLufs(out.song);
      // ffmpeg prints one decimal; its gating blocks start on its own grid.
      expect(Math.abs(judged + 16)).toBeLessThan(0.25);
      expect(Math.abs(out.lufs - measureLufs(out.song))).toBeLessThan(0.01);
      expect(Math.abs(out.lufs - judged)).toBeLessThan(0.25);
      expect(peakDb(out.song)).toBeLessThanOrEqual(MASTER_CEILING_DBFS + 0.01);
      expect(out.peakDbfs).toBeCloseTo(peakDb(out.song), 5);
      // Stems line up with the song and add up to it.
      expect(out.vocals.channels).toHaveLength(2);
      expect(out.accompaniment.channels).toHaveLength(2);
      const [sl] = out.song.channels as [Float32Array];
      let worst = 0;
      for (let i = 0; i < sl.length; i += 7) worst = Math.max(worst, Math.abs(sl[i]! - out.vocals.channels[0]![i]! - out.accompaniment.channels[0]![i]!));
      expect(worst).toBeLessThan(1e-5);
      // The voice sits above the band.
      expect(measureLufs(out.vocals)).toBeGreaterThan(measureLufs(out.accompaniment) + 1);
    });
  }

  it('still holds -16 LUFS and the peak limit after a 16-bit WAV round trip', () => {
    const out = masterSong(voice(12, 0.1), band(12, 0.3), {});
    const wav = decodeWav(encodeWav(out.song));
    expect(Math.abs(measureLufs(wav) + 16)).toBeLessThan(0.2);
    expect(peakDb(wav)).toBeLessThanOrEqual(-1.0);
  });

  it('rejects audio at another sample rate, with a code', () => {
    expect(() => masterSong({ sampleRate: 22050, channels: [new Float32Array(10)] }, band(1, 0.1))).toThrow(expect.objectContaining({ code: 'invalid-audio' }));
  });
});

describe('measureLufs', () => {
  it('reads a 1 kHz sine at amplitude 0.5 in both channels as about -6 LUFS, as ffmpeg does', () => {
    const n = FS * 3;
    const s = new Float32Array(n);
    for (let i = 0; i < n; i++) s[i] = 0.5 * Math.sin((2 * Math.PI * 1000 * i) / FS);
    const audio = { sampleRate: FS, channels: [s, s] };
    expect(measureLufs(audio)).toBeCloseTo(-6, 0); // -0.691 + 10 log10(2 x 0.125) + K-weighting's +0.7 dB at 1 kHz
    expect(Math.abs(measureLufs(audio) - ffmpegLufs(audio))).toBeLessThan(0.1);
    expect(Math.abs(measureLufs(band(6, 0.3)) - ffmpegLufs(band(6, 0.3)))).toBeLessThan(0.1);
    expect(measureLufs({ sampleRate: FS, channels: [new Float32Array(n)] })).toBe(-Infinity);
  });
});

describe('wav', () => {
  it('round-trips 16 and 24 bit within one step', () => {
    const a = band(0.5, 0.5);
    for (const bits of [16, 24] as const) {
      const back = decodeWav(encodeWav(a, bits));
      expect(back.sampleRate).toBe(FS);
      expect(back.channels).toHaveLength(2);
      let worst = 0;
      for (let c = 0; c < 2; c++) for (let i = 0; i < a.channels[c]!.length; i++) worst = Math.max(worst, Math.abs(back.channels[c]![i]! - a.channels[c]![i]!));
      expect(worst).toBeLessThanOrEqual(1 / (bits === 16 ? 32768 : 8388608));
    }
  });

  it('clips out-of-range samples and rejects a non-WAV', () => {
    const back = decodeWav(encodeWav({ sampleRate: FS, channels: [Float32Array.of(2, -2, 0)] }));
    expect(Array.from(back.channels[0]!)).toEqual([32767 / 32768, -1, 0]);
    expect(() => decodeWav(Buffer.from('not a wav file at all'))).toThrow(expect.objectContaining({ code: 'invalid-wav' }));
  });
});

describe('encodeAac', () => {
  it('pins the ffmpeg arguments', () => {
    expect(aacArgs()).toEqual([
      '-nostdin', '-map', '0:a:0', '-map_metadata', '-1', '-c:a', 'aac', '-profile:a', 'aac_low', '-b:a', '96k', '-ar', '44100', '-ac', '2',
      '-fflags', '+bitexact', '-flags:a', '+bitexact', '-movflags', '+faststart', '-f', 'ipod',
    ]);
  });

  it('makes byte-identical m4a files from the same WAV, with faststart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aac-'));
    try {
      const wav = path.join(dir, 'song.wav');
      writeFileSync(wav, encodeWav(band(3, 0.3)));
      await encodeAac(wav, path.join(dir, 'a.m4a'));
      await encodeAac(wav, path.join(dir, 'b.m4a'));
      const a = readFileSync(path.join(dir, 'a.m4a'));
      expect(a.length).toBeGreaterThan(30000); // about 3 s at 160 kb/s
      expect(a.equals(readFileSync(path.join(dir, 'b.m4a')))).toBe(true);
      // faststart: the moov box comes before mdat.
      expect(a.indexOf('moov')).toBeLessThan(a.indexOf('mdat'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30000);

  it('fails with a code when the input is missing', async () => {
    await expect(encodeAac('/nonexistent/song.wav', path.join(tmpdir(), 'never.m4a'))).rejects.toMatchObject({ code: 'encode-failed' });
  });
});
