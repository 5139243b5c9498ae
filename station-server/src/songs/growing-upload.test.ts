// The growing upload against a work folder written as the encoder writes it (segments renamed whole,
// then listed), with a recording media store at the unit's edge: newly listed segments go before the
// playlist that lists them, the playlist is stored as read and marked no-cache, nothing unlisted or
// unchanged is sent, the finished (VOD) playlist is left to publish, and calls never overlap.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GROWING_PLAYLIST_CACHE_CONTROL } from '../media/cache-policy.js';
import type { FileSource, MediaStore } from '../media/media-store.js';
import { growingUpload } from './growing-upload.js';

interface Put {
  file: string;
  bytes: string;
  cacheControl: string | undefined;
}

const playlist = (type: 'EVENT' | 'VOD', segments: number) =>
  ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:0', `#EXT-X-PLAYLIST-TYPE:${type}`, ...Array.from({ length: segments }, (_, i) => `#EXTINF:2.000000,\nseg-${String(i).padStart(5, '0')}.ts`), ...(type === 'VOD' ? ['#EXT-X-ENDLIST'] : []), ''].join('\n');

describe('growingUpload', () => {
  let dir: string;
  let puts: Put[];
  let running: number;
  let most: number;
  /** Runs inside a put, before it is recorded (the encoder moving on meanwhile). */
  let during: ((file: string) => Promise<void>) | undefined;
  const key = 'songs/abcdef12';

  const media = {
    kind: 's3',
    workDir: () => dir,
    async put(_key: string, file: string, source: FileSource, options: { cacheControl?: string } = {}) {
      running++;
      most = Math.max(most, running);
      try {
        // The bytes as they are when the put is asked for (a path is read now, as the S3 store does).
        const bytes = 'data' in source ? source.data.toString('utf8') : (await import('node:fs/promises')).readFile(source.path, 'utf8');
        const text = await bytes;
        await new Promise((r) => setTimeout(r, 5));
        await during?.(file);
        puts.push({ file, bytes: text, cacheControl: options.cacheControl });
      } finally {
        running--;
      }
    },
  } as unknown as MediaStore;

  const write = async (rendition: string, file: string, text: string) => {
    await mkdir(join(dir, 'hls', rendition), { recursive: true });
    await writeFile(join(dir, 'hls', rendition, file), text);
  };
  const encoderAt = async (type: 'EVENT' | 'VOD', listed: number, written = listed) => {
    for (const r of ['128k', '48k']) {
      for (let i = 0; i < written; i++) await write(r, `seg-${String(i).padStart(5, '0')}.ts`, `${r} segment ${i}`);
      // The segment being written is under a temporary name until it is whole.
      await write(r, `seg-${String(written).padStart(5, '0')}.ts.tmp`, 'half');
      await write(r, 'index.m3u8', playlist(type, listed));
    }
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'growing-'));
    puts = [];
    running = 0;
    most = 0;
    during = undefined;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores each listed segment, then the playlist that lists it, marked no-cache; then only what is new', async () => {
    const upload = growingUpload(media, key);
    // Two segments are whole, one listed: only the listed one goes.
    await encoderAt('EVENT', 1, 2);
    await upload.sync();
    expect(puts.map((p) => [p.file, p.cacheControl])).toEqual([
      ['hls/128k/seg-00000.ts', undefined],
      ['hls/128k/index.m3u8', GROWING_PLAYLIST_CACHE_CONTROL],
      ['hls/48k/seg-00000.ts', undefined],
      ['hls/48k/index.m3u8', GROWING_PLAYLIST_CACHE_CONTROL],
    ]);
    expect(puts[1]!.bytes).toBe(playlist('EVENT', 1));
    expect(puts[0]!.bytes).toBe('128k segment 0');

    puts = [];
    await upload.sync(); // nothing changed: nothing sent
    expect(puts).toEqual([]);

    await encoderAt('EVENT', 3);
    await upload.sync();
    expect(puts.map((p) => p.file)).toEqual(['hls/128k/seg-00001.ts', 'hls/128k/seg-00002.ts', 'hls/128k/index.m3u8', 'hls/48k/seg-00001.ts', 'hls/48k/seg-00002.ts', 'hls/48k/index.m3u8']);
    expect([...upload.stored].sort()).toEqual(['00000', '00001', '00002'].flatMap((n) => [`hls/128k/seg-${n}.ts`, `hls/48k/seg-${n}.ts`]).sort());

    // The finished playlist is publish's to store, with the usual policy.
    puts = [];
    await encoderAt('VOD', 4);
    await upload.sync();
    expect(puts).toEqual([]);
  });

  it('stores the playlist as it was read, so it never names a segment not stored yet', async () => {
    const upload = growingUpload(media, key);
    await encoderAt('EVENT', 1);
    // While the first segment uploads, the encoder lists a second one.
    during = async (file) => {
      if (file === 'hls/128k/seg-00000.ts') await encoderAt('EVENT', 2);
    };
    await upload.sync();
    const first = puts.find((p) => p.file === 'hls/128k/index.m3u8')!;
    expect(first.bytes).toBe(playlist('EVENT', 1));
    during = undefined;
    // Every playlist stored lists only segments stored before it.
    await upload.sync();
    const stored = new Set<string>();
    for (const p of puts) {
      if (p.file.endsWith('.m3u8')) {
        const folder = p.file.slice(0, p.file.lastIndexOf('/') + 1);
        for (const line of p.bytes.split('\n').filter((l) => l && !l.startsWith('#'))) expect(stored).toContain(folder + line);
      } else stored.add(p.file);
    }
    expect(puts.filter((p) => p.file === 'hls/128k/index.m3u8').at(-1)!.bytes).toBe(playlist('EVENT', 2));
  });

  it('never runs two syncs at once, and does nothing once stopped', async () => {
    const upload = growingUpload(media, key);
    await encoderAt('EVENT', 2);
    await Promise.all([upload.sync(), upload.sync(), upload.sync()]);
    expect(most).toBe(1);
    expect(puts).toHaveLength(6);
    await encoderAt('EVENT', 3);
    const late = upload.sync();
    await upload.stop();
    await late;
    const count = puts.length;
    await upload.sync();
    expect(puts.length).toBe(count);
  });

  it('waits quietly for a playlist not written yet', async () => {
    const upload = growingUpload(media, key);
    await upload.sync();
    expect(puts).toEqual([]);
  });
});
