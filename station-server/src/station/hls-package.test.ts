import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageSong, parseMediaPlaylist, renditionOptions } from './hls-package.js';
import { toneWav } from '../testing/fixtures.js';
import { encodeAac } from '../composer/master/encode-aac.js';


describe('HLS packaging', () => {
  it('pins the ffmpeg options of a rendition', () => {
    expect(renditionOptions('/x', 48000)).toEqual([
      '-map', '0:a:0', '-c:a', 'aac', '-profile:a', 'aac_low', '-b:a', '48k', '-ar', '44100', '-ac', '2',
      '-fflags', '+bitexact', '-flags:a', '+bitexact', '-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod',
      '-hls_segment_type', 'mpegts', '-hls_segment_filename', '/x/seg-%05d.ts',
    ]);
  });

  it('parses EXTINF durations and URIs', () => {
    expect(parseMediaPlaylist('#EXTM3U\n#EXTINF:2.020333,\nseg-00000.ts\n#EXTINF:1.5,\nseg-00001.ts\n#EXT-X-ENDLIST\n')).toEqual([
      { file: 'seg-00000.ts', duration: 2.020333 },
      { file: 'seg-00001.ts', duration: 1.5 },
    ]);
  });

  it('cuts a song into aligned ~2 s segments in both renditions with real ffmpeg', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pkg-'));
    try {
      await writeFile(join(dir, 'song.wav'), toneWav(7));
      const packaged = await packageSong(dir);
      expect(packaged.segments.length).toBe(4);
      expect(Math.abs(packaged.durationSec - 7)).toBeLessThan(0.1);
      for (const s of packaged.segments.slice(0, -1)) expect(Math.abs(s.duration - 2)).toBeLessThan(0.05);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('returns the package a folder already has once its WAV is gone, and packages a stored song.m4a otherwise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pkg-'));
    try {
      await writeFile(join(dir, 'song.wav'), toneWav(5));
      const first = await packageSong(dir);
      // The composer packages from the lossless master, then deletes it: a second call must not fail
      // nor re-encode (the segments stay the very files the first call wrote).
      await rm(join(dir, 'song.wav'));
      const before = await stat(join(dir, 'hls', '128k', 'seg-00000.ts'));
      expect(await packageSong(dir)).toEqual(first);
      expect((await stat(join(dir, 'hls', '128k', 'seg-00000.ts'))).mtimeMs).toBe(before.mtimeMs);

      // An old folder with neither a WAV nor a package is packaged from its stored master.
      const m4a = await mkdtemp(join(tmpdir(), 'pkg-m4a-'));
      try {
        await writeFile(join(m4a, 'tone.wav'), toneWav(5));
        await encodeAac(join(m4a, 'tone.wav'), join(m4a, 'song.m4a'));
        await rm(join(m4a, 'tone.wav'));
        const packaged = await packageSong(m4a);
        expect(Math.abs(packaged.durationSec - 5)).toBeLessThan(0.1);
      } finally {
        await rm(m4a, { recursive: true, force: true });
      }
      await expect(packageSong(await mkdtemp(join(tmpdir(), 'pkg-empty-')))).rejects.toThrow(/holds neither song\.wav nor song\.m4a/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
