import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GENRES, LANGUAGES, VIBES, type Genre, type Language, type Vibe } from '@radio-optimism/shared';
import { openParts as openLibrary, type TestParts as Library } from '../testing/test-parts.js';
import type { SongManifest } from '../composer/manifest.js';
import { StationEvent, StationEvents } from '../events.js';
import { loadProgramme, type Programme } from './programme.js';
import { createPlayout } from './playout.js';
import { PACKAGE_DIR } from './hls-package.js';
import { newSongOf } from '../songs/ingest.js';
import { createLocalQueue } from '../songs/local-queue.js';
import { createJobHandler } from '../songs/make-job.js';

// Songs with real library rows and packaging manifests, but no audio: the invariants are about time.
async function addSong(library: Library, i: number, kind: 'song' | 'jingle' = 'song'): Promise<string> {
  const id = await library.store.songs.newId();
  const dir = library.media.workDir(`songs/${id}`);
  const genre = GENRES[i % GENRES.length] as Genre;
  const vibe = VIBES[i % VIBES.length] as Vibe;
  const language = LANGUAGES[i % LANGUAGES.length] as Language;
  const seconds = kind === 'jingle' ? 6 : 61 + ((i * 7) % 50);
  const segments = Array.from({ length: Math.ceil(seconds / 2) }, (_, n) => ({ file: `seg-${String(n).padStart(5, '0')}.ts`, duration: n === Math.ceil(seconds / 2) - 1 ? 1.5 : 1.997 }));
  await mkdir(join(dir, PACKAGE_DIR), { recursive: true });
  await writeFile(join(dir, PACKAGE_DIR, 'segments.json'), JSON.stringify({ segments, durationSec: segments.reduce((t, s) => t + s.duration, 0) }));
  const manifest = { title: `Song ${i}`, durationSec: seconds, language, genre, vibe, theme: 'love', tempo: 100, key: 'C major', meter: '4/4', seed: i, request: { message: 'x', to: 'Ana', genre, vibe, language } } as unknown as SongManifest;
  await library.store.songs.add(id, newSongOf(manifest), kind);
  return id;
}

interface Parsed {
  target: number;
  seq: number;
  disc: number;
  segments: { seq: number; uri: string; duration: number; pdt: number; disc: number; discontinuityBefore: boolean }[];
}

function parse(text: string): Parsed {
  const lines = text.trim().split('\n');
  const header = (tag: string) => Number(lines.find((l) => l.startsWith(tag))?.slice(tag.length + 1) ?? NaN);
  const out: Parsed = { target: header('#EXT-X-TARGETDURATION'), seq: header('#EXT-X-MEDIA-SEQUENCE'), disc: header('#EXT-X-DISCONTINUITY-SEQUENCE') || 0, segments: [] };
  let pdt = NaN, duration = NaN, disc = out.disc, before = false;
  for (const l of lines) {
    if (l === '#EXT-X-DISCONTINUITY') { disc++; before = true; }
    else if (l.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pdt = Date.parse(l.slice(25));
    else if (l.startsWith('#EXTINF:')) duration = Number.parseFloat(l.slice(8));
    else if (!l.startsWith('#')) {
      out.segments.push({ seq: out.seq + out.segments.length, uri: l, duration, pdt, disc, discontinuityBefore: before });
      before = false;
    }
  }
  return out;
}

describe('playout on a fake clock', () => {
  let dir: string;
  let library: Library;
  let programme: Programme;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'playout-'));
    library = openLibrary(dir);
    for (let i = 0; i < 30; i++) await addSong(library, i);
    for (let i = 0; i < 2; i++) await addSong(library, 100 + i, 'jingle');
    const loaded = await loadProgramme(resolve(process.cwd(), 'playlists'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    programme = loaded.programme;
  });
  afterEach(async () => {
    await library.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the live playlist invariants over six hours of air time, across a restart', async () => {
    let clock = Date.parse('2026-11-23T05:30:00Z'); // the Lisbon morning show starts at 07:00 local on weekdays
    const events = new StationEvents();
    let playout = createPlayout({ store: library.store, mediaRoot: library.media.root, events, programme, now: () => clock });
    const seen = new Map<string, Map<number, { uri: string; disc: number; pdt: number }>>();
    const lastSeq = new Map<string, number>();
    const aired = new Map<number, string>();
    events.on(StationEvent.NowPlaying, (e) => { if (e.channel === 'radio-optimism' && e.current) aired.set(e.current.index, `${e.current.kind}:${e.current.songId}`); });

    const problems: string[] = [];
    for (let step = 0; step < 6 * 3600; step += 2) {
      if (step === 3 * 3600) {
        // A restart: a new playout over the same SQLite file picks up where it was.
        playout.destroy();
        playout = createPlayout({ store: library.store, mediaRoot: library.media.root, events, programme, now: () => clock });
      }
      await playout.tick();
      for (const channel of ['radio-optimism', 'calm', 'k-songs']) {
        for (const rendition of ['128k', '48k'] as const) {
          const p = parse(playout.playlist(channel, rendition));
          const key = `${channel}/${rendition}`;
          const fail = (what: string) => problems.push(`${key} at ${new Date(clock).toISOString()}: ${what}`);
          if (p.target !== 2) fail(`target duration ${p.target}`);
          if (p.segments.length === 0) continue;
          if (p.segments[0]!.discontinuityBefore) fail('discontinuity before the first segment');
          if (p.seq < (lastSeq.get(key) ?? 0)) fail(`media sequence went back to ${p.seq}`);
          lastSeq.set(key, p.seq);
          const known = seen.get(key) ?? new Map();
          seen.set(key, known);
          p.segments.forEach((s, k) => {
            if (Math.round(s.duration) > p.target) fail(`segment ${s.seq} longer than the target`);
            if (!Number.isFinite(s.pdt)) fail(`segment ${s.seq} has no program date time`);
            const prev = known.get(s.seq);
            // A segment never changes once listed: same file, same discontinuity number, same date.
            if (prev && (prev.uri !== s.uri || prev.disc !== s.disc || prev.pdt !== s.pdt)) fail(`segment ${s.seq} changed: ${JSON.stringify(prev)} -> ${JSON.stringify(s)}`);
            if (!prev) known.set(s.seq, { uri: s.uri, disc: s.disc, pdt: s.pdt });
            if (k > 0 && !s.discontinuityBefore && Math.abs(s.pdt - (p.segments[k - 1]!.pdt + p.segments[k - 1]!.duration * 1000)) >= 2) fail(`segment ${s.seq} date does not follow the one before`);
            if (!s.uri.includes(`/${rendition}/`)) fail(`segment ${s.seq} from the wrong rendition`);
          });
          // The newest listed segment has fully played by now, and the window keeps up with the clock.
          const newest = p.segments[p.segments.length - 1]!;
          const end = newest.pdt + newest.duration * 1000;
          if (end > clock || clock - end >= 2100) fail(`newest segment ends at ${new Date(end).toISOString()}`);
        }
      }
      clock += 2000;
    }

    expect(problems.slice(0, 5)).toEqual([]);
    const nowPlaying = [...aired.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    // Rotation rules: no song twice within the no-repeat window, station IDs every few songs.
    const songsOnly = nowPlaying.filter((s) => s.startsWith('song:'));
    for (let i = 1; i < songsOnly.length; i++) expect(songsOnly.slice(Math.max(0, i - 3), i)).not.toContain(songsOnly[i]);
    expect(nowPlaying.some((s) => s.startsWith('jingle:'))).toBe(true);
    let run = 0;
    for (const s of nowPlaying) {
      run = s.startsWith('jingle:') ? 0 : run + 1;
      expect(run).toBeLessThanOrEqual(5);
    }
    expect(nowPlaying.length).toBeGreaterThan(150);
    expect(new Set(nowPlaying.filter((s) => s.startsWith('song:'))).size).toBeGreaterThan(10);
  });

  it('plays the morning show playlist while the show is on', async () => {
    const clock = Date.parse('2026-11-23T08:00:00Z'); // Monday 08:00 in Lisbon
    const playout = createPlayout({ store: library.store, mediaRoot: library.media.root, events: new StationEvents(), programme, now: () => clock });
    await playout.tick();
    const { current } = playout.nowPlaying('radio-optimism');
    expect(current).toBeDefined();
    const song = (await library.store.songs.get(current!.songId))!;
    expect(current!.kind === 'jingle' || ['upbeat', 'playful', 'epic'].includes(song.vibe)).toBe(true);
  });

  it('puts a dedication right after the song on air, its spoken intro made on the song queue', async () => {
    let clock = Date.parse('2026-11-23T12:00:00Z');
    const queue = createLocalQueue({ concurrency: 1, log: () => undefined, handler: createJobHandler({ store: library.store, media: library.media }) });
    const kinds: string[] = [];
    queue.listen({ started: (id) => kinds.push(id) });
    try {
      const playout = createPlayout({ store: library.store, mediaRoot: library.media.root, queue, events: new StationEvents(), programme, now: () => clock });
      await playout.tick();
      const dedication = await addSong(library, 200); // played from its id
      playout.queueDedication('radio-optimism', dedication);
      // The intro is a job on the queue (not made by playout); the dedication waits for it.
      const deadline = Date.now() + 120_000;
      let next = playout.nowPlaying('radio-optimism').next;
      while (next?.kind !== 'intro' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        await playout.tick();
        next = playout.nowPlaying('radio-optimism').next;
      }
      expect(kinds).toEqual([`${dedication}-intro`]);
      // First its spoken intro, then the song.
      expect(next).toMatchObject({ songId: dedication, kind: 'intro', source: `intros/${dedication}-intro` });
      const after = playout.items('radio-optimism').find((it) => it.index === next!.index + 1);
      expect(after).toMatchObject({ songId: dedication, kind: 'dedication' });
      clock += 1;
      playout.destroy();
    } finally {
      await queue.destroy();
    }
  }, 180_000);

  it('falls back to the whole library when a playlist runs dry, and says why', async () => {
    const clock = Date.parse('2026-11-23T12:00:00Z');
    const events = new StationEvents();
    const reasons: string[] = [];
    events.on(StationEvent.Fallback, (e) => reasons.push(e.reason));
    const dry: Programme = { channels: [{ id: 'dry', name: 'Dry', description: '', playlist: 'none', shows: [] }], playlists: new Map() };
    const playout = createPlayout({ store: library.store, mediaRoot: library.media.root, events, programme: dry, now: () => clock });
    await playout.tick();
    expect(playout.nowPlaying('dry').current).toBeDefined();
    expect(reasons.join(' ')).toMatch(/not defined/);
  });
});
