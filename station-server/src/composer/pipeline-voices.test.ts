// The pipeline with the sender's choices: their own words, each voice, a name that sounds unlike its
// spelling. Each song is short (ten sung lines) and made in full, song check included.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tonejs from '@tonejs/midi';
import type { SongRequest } from '@radio-optimism/shared';
import { composeSong } from './pipeline.js';
import { closeDefaultRenderPool } from './render/render.js';
import { disposeSinger } from './sing/sing.js';
import { decodeWav } from './master/wav.js';
import { trackPitch } from '../songcheck/pitch-track.js';

let work = '';
afterAll(async () => {
  await closeDefaultRenderPool();
  await disposeSinger();
  if (work) await rm(work, { recursive: true, force: true });
});

const LYRICS = [
  'Siobhan you light the morning\nyou carry every song\nand when the night is falling\nyou help me get along',
  'Thank you Siobhan, thank you\nfor every little thing',
  'We walked along the river\nwe laughed until the dawn',
  'Thank you Siobhan, thank you\nfor every little thing',
].join('\n\n');

const base: SongRequest = { message: 'Thank you for everything', to: 'Siobhan', genre: 'pop', vibe: 'heartfelt', language: 'en', lyrics: LYRICS };
const medianF0 = (dir: string): number => {
  const f = trackPitch(decodeWav(readFileSync(join(dir, 'vocals.wav')))).map((x) => x.f0).filter((x) => x > 0).sort((a, b) => a - b);
  return f[f.length >> 1]!;
};

describe('composeSong with the sender\'s choices', () => {
  it('sings their own words with each voice of a language: both pass the song check and sound clearly apart', async () => {
    work = await mkdtemp(join(tmpdir(), 'pipeline-voices-'));
    const high = join(work, 'high');
    const low = join(work, 'low');
    // The WAV stems are kept: the pitch is measured on the lossless vocals.
    const a = await composeSong({ ...base, voice: 'en-high' }, 3, high, { keepWav: true });
    const b = await composeSong({ ...base, voice: 'en-low', soundsLike: 'Shiv awn' }, 3, low, { keepWav: true });
    expect([a.manifest.voice, b.manifest.voice]).toEqual(['en-high', 'en-low']);
    for (const { manifest } of [a, b]) {
      expect(manifest.check.passed).toBe(true);
      expect(manifest.check.results.find((r) => r.name === 'vocal pitch')!.ok).toBe(true);
      // Exactly their words, in their order (the chorus sung again where the song needs length).
      const sung = manifest.lyrics.flatMap((s) => s.lines.map((l) => l.text));
      expect(sung.slice(0, 10)).toEqual(LYRICS.split('\n').filter(Boolean));
      expect(new Set(sung)).toEqual(new Set(LYRICS.split('\n').filter(Boolean)));
      expect(manifest.lyrics.map((s) => s.kind).slice(0, 4)).toEqual(['verse', 'chorus', 'verse', 'chorus']);
      expect(manifest.title).toBe('Thank you Siobhan, thank you');
    }
    // The low voice sings well under the high one (its tune is a minor sixth lower; measured across
    // twelve songs, 6 to 8 semitones apart): more than a major third, whatever the tune.
    const apart = 1200 * Math.log2(medianF0(high) / medianF0(low));
    expect(apart).toBeGreaterThan(400);
    // Pop's choruses carry a harmony voice, and the lead still passes the pitch check above.
    const midi = new tonejs.Midi(readFileSync(join(low, 'score.mid')));
    expect(midi.tracks.find((t) => t.name === 'Harmony')?.notes.length).toBeGreaterThan(0);
    // The respelling is only sung: the timed lyric and the manifest's words show the real name.
    const vtt = readFileSync(join(low, 'lyrics.vtt'), 'utf8');
    expect(vtt).toContain('Siobhan');
    expect(vtt).not.toMatch(/Shiv/);
    expect(JSON.stringify(b.manifest.lyrics)).not.toMatch(/Shiv/);
  }, 600_000);
});
