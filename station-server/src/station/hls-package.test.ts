import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageSong, parseMediaPlaylist, renditionOptions } from './hls-package.js';
import { toneWav } from '../testing/fixtures.js';


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
});
