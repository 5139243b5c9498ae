// The console's skip: the item on air ends after the segments already listed, the next one follows
// at once, and the live playlist loses nothing it listed (players never see a segment vanish).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GENRES, LANGUAGES, VIBES, type Genre, type Language, type Vibe } from '@radio-optimism/shared';
import { openParts as openLibrary, type TestParts as Library } from '../testing/test-parts.js';
import type { SongManifest } from '../composer/manifest.js';
import { StationEvents } from '../events.js';
import { loadProgramme, type Programme } from './programme.js';
import { createPlayout } from './playout.js';
import { PACKAGE_DIR } from './hls-package.js';
import { newSongOf } from '../songs/ingest.js';

// Songs with real library rows and packaging manifests, but no audio: a skip is about time.
async function addSong(library: Library, i: number): Promise<string> {
  const id = await library.store.songs.newId();
  const dir = library.media.workDir(`songs/${id}`);
  const genre = GENRES[i % GENRES.length] as Genre;
  const vibe = VIBES[i % VIBES.length] as Vibe;
  const language = LANGUAGES[i % LANGUAGES.length] as Language;
  const segments = Array.from({ length: 40 }, (_, n) => ({ file: `seg-${String(n).padStart(5, '0')}.ts`, duration: 2 }));
  await mkdir(join(dir, PACKAGE_DIR), { recursive: true });
  await writeFile(join(dir, PACKAGE_DIR, 'segments.json'), JSON.stringify({ segments, durationSec: 80 }));
  const manifest = { title: `Song ${i}`, durationSec: 80, language, genre, vibe, theme: 'love', tempo: 100, key: 'C major', meter: '4/4', seed: i, request: { message: 'x', to: 'Ana', genre, vibe, language } } as unknown as SongManifest;
  await library.store.songs.add(id, newSongOf(manifest), 'song');
  return id;
}

const listed = (text: string) => {
  const seq = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)![1]);
  return text.split('\n').filter((l) => l && !l.startsWith('#')).map((uri, i) => ({ seq: seq + i, uri }));
};

describe('skipping what is on air', () => {
  let dir: string;
  let library: Library;
  let programme: Programme;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'playout-skip-'));
    library = openLibrary(dir);
    for (let i = 0; i < 12; i++) await addSong(library, i);
    const loaded = await loadProgramme(resolve(process.cwd(), 'playlists'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    programme = loaded.programme;
  });
  afterEach(async () => {
    await library.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('puts the next item on air at once and keeps every segment already listed', async () => {
    let clock = Date.parse('2026-11-24T15:00:00Z');
    const playout = createPlayout({ store: library.store, mediaRoot: library.media.root, events: new StationEvents(), programme, now: () => clock });
    await playout.tick();
    clock += 21_000; // 21 s into the first song
    await playout.tick();
    const before = playout.nowPlaying('upbeat');
    expect(before.current).toBeDefined();
    const window = listed(playout.playlist('upbeat', '128k'));

    const skipped = playout.skip('upbeat');
    expect(skipped?.index).toBe(before.current!.index);
    await playout.tick();
    const after = playout.nowPlaying('upbeat');
    expect(after.current!.index).toBe(before.current!.index + 1);
    expect(after.current!.songId).not.toBe(before.current!.songId);
    // On air within one segment of the skip.
    expect(after.current!.startMs).toBeGreaterThan(clock - 2_001);
    expect(after.current!.startMs).toBeLessThanOrEqual(clock);

    // Two segments later the window still starts with what it listed, and goes on with the new item.
    clock += 4_000;
    await playout.tick();
    const later = listed(playout.playlist('upbeat', '128k'));
    const seqs = later.map((s) => s.seq);
    for (const s of window.filter((w) => w.seq >= seqs[0]!)) expect(later.find((l) => l.seq === s.seq)?.uri).toBe(s.uri);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    expect(later.at(-1)!.seq).toBeGreaterThan(window.at(-1)!.seq);
    expect(later.at(-1)!.seq).toBeGreaterThanOrEqual(after.current!.firstSeq);
    expect(playout.playlist('upbeat', '128k')).toContain('#EXT-X-DISCONTINUITY');
    playout.destroy();
  });

  it('skips nothing on a channel with nothing on air, or one it does not know', async () => {
    const clock = Date.parse('2026-11-24T15:00:00Z');
    const playout = createPlayout({ store: library.store, mediaRoot: library.media.root, events: new StationEvents(), programme, now: () => clock });
    await playout.ready();
    expect(playout.skip('upbeat')).toBeUndefined(); // nothing scheduled yet
    expect(playout.skip('no-such-channel')).toBeUndefined();
    playout.destroy();
  });
});
