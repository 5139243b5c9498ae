import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLyricVideos } from './lyric-videos.js';
import { folderVideos } from './video-places.js';
import { VIDEO_FILE } from './lyric-video.js';

const song = { title: 'T', language: 'en', durationSec: 10, to: 'Mom', from: null };

describe('createLyricVideos', () => {
  let root: string;
  beforeEach(async () => (root = await mkdtemp(join(tmpdir(), 'videos-'))));
  afterEach(() => rm(root, { recursive: true, force: true }));

  /** A maker that finishes when told, writing the file like the real one. */
  const gatedMaker = () => {
    const gates: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const calls: string[] = [];
    const make = async (dir: string) => {
      calls.push(dir);
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      await writeFile(join(dir, VIDEO_FILE), 'mp4');
      running--;
      return join(dir, VIDEO_FILE);
    };
    const openNext = async () => {
      while (gates.length === 0) await new Promise((r) => setTimeout(r, 5));
      gates.shift()!();
    };
    return { make, calls, openNext, most: () => most };
  };

  it('makes a video once: a second ask joins the first, a later one is served from the folder', async () => {
    const maker = gatedMaker();
    const videos = createLyricVideos({ place: folderVideos(() => root, maker.make), log: () => undefined });
    const first = videos.get('a', song);
    const second = videos.get('a', song);
    await maker.openNext();
    expect(await first).toEqual({ ok: true });
    expect(await second).toEqual(await first);
    expect(await videos.get('a', song)).toEqual({ ok: true });
    expect(maker.calls).toEqual([root]);
  });

  it('makes one at a time and turns away asks beyond the queue with a Retry-After', async () => {
    const maker = gatedMaker();
    const videos = createLyricVideos({ place: folderVideos((id) => join(root, id), maker.make), queueLimit: 2, log: () => undefined });
    const dirs = await Promise.all([0, 1, 2, 3].map(async (i) => {
      const dir = join(root, String(i));
      await import('node:fs/promises').then((fs) => fs.mkdir(dir));
      return dir;
    }));
    expect(dirs).toHaveLength(4);
    const accepted = [0, 1, 2].map((i) => videos.get(String(i), song));
    const refused = await videos.get('3', song);
    expect(refused).toMatchObject({ ok: false, code: 'video-busy' });
    expect(refused.ok === false && refused.retryAfterSec).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) await maker.openNext();
    expect((await Promise.all(accepted)).every((a) => a.ok)).toBe(true);
    expect(maker.most()).toBe(1);
  });

  it('holds a failed video back for a while instead of trying it on every ask', async () => {
    let clock = 0;
    let tries = 0;
    const place = folderVideos(() => root, async () => { tries++; throw new Error('ffmpeg broke'); });
    const videos = createLyricVideos({ place, failureHoldMs: 1000, now: () => clock, log: () => undefined });
    expect(await videos.get('a', song)).toMatchObject({ ok: false, code: 'video-failed' });
    expect(await videos.get('a', song)).toMatchObject({ ok: false, code: 'video-failed' });
    expect(tries).toBe(1);
    clock = 1500;
    await videos.get('a', song);
    expect(tries).toBe(2);
  });
});
