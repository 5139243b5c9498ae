// The stored compressed forms, with real ffmpeg: pinned options, same input same bytes, and a decode
// back to PCM that keeps the length and the level; a file that is not audio is a typed error.
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeStoredForm, storedFormArgs } from './encode-audio.js';
import { decodeAudioFile } from './decode-audio.js';
import { measureLufs } from './loudness.js';
import { toneWav } from '../../testing/fixtures.js';
import { decodeWav } from './wav.js';

describe('stored forms', () => {
  it('pins the karaoke and vocal stem options', () => {
    expect(storedFormArgs('karaoke')).toEqual(expect.arrayContaining(['-c:a', 'aac', '-b:a', '48k', '-f', 'ipod']));
    expect(storedFormArgs('vocals')).toEqual(expect.arrayContaining(['-c:a', 'libopus', '-b:a', '12k', '-ac', '1', '-f', 'opus']));
    for (const form of ['master', 'karaoke', 'vocals'] as const) expect(storedFormArgs(form)).toEqual(expect.arrayContaining(['-fflags', '+bitexact']));
  });

  it('encodes each form byte for byte the same twice and decodes it back to the same length and level', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stored-'));
    try {
      const wav = toneWav(6, 330);
      await writeFile(join(dir, 'in.wav'), wav);
      const original = decodeWav(wav);
      for (const [form, ext] of [['master', 'm4a'], ['karaoke', 'm4a'], ['vocals', 'opus']] as const) {
        await encodeStoredForm(join(dir, 'in.wav'), join(dir, `a-${form}.${ext}`), form);
        await encodeStoredForm(join(dir, 'in.wav'), join(dir, `b-${form}.${ext}`), form);
        expect((await readFile(join(dir, `a-${form}.${ext}`))).equals(await readFile(join(dir, `b-${form}.${ext}`)))).toBe(true);
        const back = await decodeAudioFile(join(dir, `a-${form}.${ext}`));
        expect(Math.abs(back.channels[0]!.length / back.sampleRate - 6)).toBeLessThan(0.03);
        expect(Math.abs(measureLufs(back) - measureLufs(original))).toBeLessThan(form === 'vocals' ? 3.5 : 0.5);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says what is wrong with a file that is not audio', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stored-'));
    try {
      await writeFile(join(dir, 'x.opus'), 'not audio');
      await expect(decodeAudioFile(join(dir, 'x.opus'))).rejects.toMatchObject({ code: 'decode-failed', message: expect.stringMatching(/Invalid data/) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
