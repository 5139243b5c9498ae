// A real lyric video from a small song folder, made with the project's ffmpeg, checked from outside:
// its streams, its duration, and at three moments the sung line on screen is the line sung then.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegPath } from '../composer/master/encode-aac.js';
import { COVER_BOX, VIDEO_WIDTH } from './lyric-video-ass.js';
import { makeLyricVideo, videoArgs, VIDEO_FILE } from './lyric-video.js';

const ffmpeg = (args: string[], cwd?: string, probe = false) => {
  const run = spawnSync(ffmpegPath(), ['-hide_banner', '-nostdin', '-y', ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
  // `ffmpeg -i FILE` alone (a probe) exits 1 by design: it has no output.
  if (run.status !== 0 && !probe) throw new Error(String(run.stderr).slice(-500));
  return run;
};

const LINES = [
  { start: 0.5, end: 3.0, words: ['Sunrise', 'over', 'the', 'sea'] },
  { start: 3.5, end: 6.0, words: ['사랑해', '엄마'] },
  { start: 6.5, end: 9.0, words: ['Mom,', 'you', 'are', 'home'] },
];
const stamp = (s: number) => `00:00:${s.toFixed(3).padStart(6, '0')}`;
const vtt = `WEBVTT\n\n${LINES.map((l, i) => {
  const step = (l.end - l.start) / l.words.length;
  const words = l.words.map((w, k) => (k === 0 ? w : `<${stamp(l.start + k * step)}>${w}`)).join(' ');
  return `${i + 1}\n${stamp(l.start)} --> ${stamp(l.end)}\n${words}`;
}).join('\n\n')}\n`;

/** The band where the sung line is drawn, as grey pixels. */
const band = (file: string, at: number): Buffer => {
  const top = COVER_BOX.y + COVER_BOX.size + 250;
  return ffmpeg(['-ss', at.toFixed(2), '-i', file, '-frames:v', '1', '-vf', `crop=${VIDEO_WIDTH}:180:0:${top},format=gray`, '-f', 'rawvideo', '-']).stdout;
};
const difference = (a: Buffer, b: Buffer): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
};

describe('makeLyricVideo', () => {
  let dir: string;
  let video: string;
  const song = { title: 'Sunrise', language: 'en', durationSec: 10, to: 'Mom', from: 'Ana' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lyric-video-'));
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc=s=512x512:d=1', '-frames:v', '1', 'cover.png'], dir);
    ffmpeg(['-f', 'lavfi', '-i', 'sine=f=330:d=10', '-ac', '2', '-c:a', 'aac', '-b:a', '128k', 'song.m4a'], dir);
    await writeFile(join(dir, 'lyrics.vtt'), vtt);
    video = await makeLyricVideo(dir, song);
  }, 180_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is 1080×1920 H.264 with the song’s AAC, as long as the song', () => {
    expect(video).toBe(join(dir, VIDEO_FILE));
    const info = String(ffmpeg(['-i', video], undefined, true).stderr);
    expect(info).toMatch(/Video: h264 .*yuv420p.*1080x1920/);
    expect(info).toMatch(/Audio: aac/);
    const [, h, m, s] = /Duration: (\d+):(\d+):([\d.]+)/.exec(info)!;
    const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s);
    expect(Math.abs(seconds - song.durationSec)).toBeLessThan(0.5);
  });

  it('shows, at three moments, the line sung at that moment', async () => {
    // References: each line alone, fully lit, drawn the same way.
    const refs: Buffer[] = [];
    for (const [i, line] of LINES.entries()) {
      const refDir = await mkdtemp(join(tmpdir(), 'lyric-ref-'));
      try {
        ffmpeg(['-i', join(dir, 'cover.png'), '-frames:v', '1', 'cover.png'], refDir);
        ffmpeg(['-i', join(dir, 'song.m4a'), '-c', 'copy', 'song.m4a'], refDir);
        await writeFile(join(refDir, 'lyrics.vtt'), `WEBVTT\n\n1\n00:00:00.000 --> 00:00:00.010\n${line.words.join(' ')}\n`);
        refs[i] = band(await makeLyricVideo(refDir, { ...song, durationSec: 1 }), 0.5);
      } finally {
        await rm(refDir, { recursive: true, force: true });
      }
    }
    // Just after each line's last word is sung, before the next line comes: the whole line is lit.
    for (const [i, line] of LINES.entries()) {
      const frame = band(video, line.end + 0.2);
      const own = difference(frame, refs[i]!);
      for (const [k, ref] of refs.entries()) if (k !== i) expect(own * 3).toBeLessThan(difference(frame, ref));
      expect(own).toBeLessThan(6);
    }
  }, 240_000);

  it('pins the encoder options', () => {
    const args = videoArgs(97.0456);
    expect(args.slice(args.indexOf('-c:v'), args.indexOf('-c:v') + 2)).toEqual(['-c:v', 'libx264']);
    expect(args).toEqual(expect.arrayContaining(['-c:a', 'copy', '-t', '97.046', '-movflags', '+faststart']));
  });
});
