// An old song folder (three WAVs, song.m4a, an HLS package) compacted with real ffmpeg: the karaoke
// track and vocal stem are encoded, the WAVs go, the package and the song's files stay; twice is once.
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactSongFolder } from './compact-folder.js';
import { encodeAac } from './master/encode-aac.js';
import { packageSong } from '../station/hls-package.js';
import { toneWav } from '../testing/fixtures.js';
import { createCanvas } from '@napi-rs/canvas';
import { jpegSize } from '../songcheck/image-size.js';

describe('compactSongFolder', () => {
  it('turns an old folder into the stored form and leaves a compact one alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'compact-'));
    try {
      for (const name of ['song.wav', 'vocals.wav', 'accompaniment.wav']) await writeFile(join(dir, name), toneWav(5, name === 'vocals.wav' ? 220 : 440));
      await writeFile(join(dir, 'song.json'), '{}');
      await encodeAac(join(dir, 'song.wav'), join(dir, 'song.m4a'));
      const packaged = await packageSong(dir);
      const m4a = await readFile(join(dir, 'song.m4a'));

      const first = await compactSongFolder(dir);
      expect(first.removed.sort()).toEqual(['accompaniment.wav', 'song.wav', 'vocals.wav']);
      expect(first.after).toBeLessThan(first.before / 5);
      const files = await readdir(dir);
      expect(files.filter((f) => f.endsWith('.wav'))).toEqual([]);
      expect(files.sort()).toEqual(['accompaniment.m4a', 'hls', 'song.json', 'song.m4a', 'vocals.opus']);
      expect((await readFile(join(dir, 'song.m4a'))).equals(m4a)).toBe(true);
      expect(await packageSong(dir)).toEqual(packaged);

      const again = await compactSongFolder(dir);
      expect(again).toEqual({ before: first.after, after: first.after, removed: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
