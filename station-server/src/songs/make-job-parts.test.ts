// A song made into a bucket (a real S3-compatible server on 127.0.0.1) is offered while it is made:
// the job handler stores its first part (segments, then the growing playlist, no-cache) before it
// reports it playable, and the finished VOD playlist replaces the growing one. The composer and the
// library entry are the unit's edge (a fake encoder writes the folder as station/hls-stream.ts does).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SongManifest } from '../composer/manifest.js';
import type { SongRecord, Store } from '../library/store.js';
import { GROWING_PLAYLIST_CACHE_CONTROL, MANIFEST_CACHE_CONTROL } from '../media/cache-policy.js';
import { S3MediaStore } from '../media/s3-media.js';
import { startS3Server, type S3TestServer } from '../testing/s3-server.js';
import { songKey } from './ingest.js';
import { createJobHandler, type ComposeFn, type IngestFn } from './make-job.js';

let server: S3TestServer;
let scratch: string;
let media: S3MediaStore;

beforeAll(async () => {
  server = await startS3Server();
  scratch = await mkdtemp(join(tmpdir(), 'parts-scratch-'));
  media = new S3MediaStore(server.config, { scratchDir: scratch });
}, 60_000);
afterAll(async () => {
  media?.close();
  await server?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const playlist = (type: 'EVENT' | 'VOD', segments: number) =>
  ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:0', `#EXT-X-PLAYLIST-TYPE:${type}`, ...Array.from({ length: segments }, (_, i) => `#EXTINF:2.000000,\nseg-${String(i).padStart(5, '0')}.ts`), ...(type === 'VOD' ? ['#EXT-X-ENDLIST'] : []), ''].join('\n');

async function encoderAt(dir: string, type: 'EVENT' | 'VOD', segments: number): Promise<void> {
  for (const r of ['128k', '48k']) {
    await mkdir(join(dir, 'hls', r), { recursive: true });
    for (let i = 0; i < segments; i++) await writeFile(join(dir, 'hls', r, `seg-${String(i).padStart(5, '0')}.ts`), `${r}-${i}`);
    await writeFile(join(dir, 'hls', r, 'index.m3u8'), playlist(type, segments));
  }
}

async function text(key: string, file: string): Promise<{ body: string; cacheControl: string | undefined } | undefined> {
  const f = await media.open(key, file);
  if (!f) return undefined;
  let body = '';
  for await (const chunk of f.body) body += String(chunk);
  return { body, cacheControl: f.cacheControl };
}

const manifest = { title: 'Morning', durationSec: 8 } as SongManifest;
const request = { message: 'thank you', to: 'Sam', genre: 'pop', vibe: 'upbeat', language: 'en' } as const;

describe('a song made into a bucket, a part at a time', () => {
  it('is offered once its first part is in the bucket, and its finished playlist replaces the growing one', async () => {
    const id = 'partsong1';
    const key = songKey(id);
    // Left by an earlier try of the same job on a worker that died.
    await media.put(key, 'hls/128k/seg-00007.ts', { data: Buffer.from('old') });
    const seen: string[] = [];
    let offeredWith: { playlist?: { body: string; cacheControl: string | undefined }; segment: boolean; leftover: boolean } | undefined;
    let offered!: () => void;
    const offer = new Promise<void>((resolve) => (offered = resolve));
    const compose: ComposeFn = async (_request, _seed, dir, options) => {
      await encoderAt(dir, 'EVENT', 1);
      options.onPlayable?.({ title: 'Morning', durationSec: 8 });
      await offer;
      await encoderAt(dir, 'EVENT', 3);
      await new Promise((r) => setTimeout(r, 1000)); // a few syncs while the rest is made
      await encoderAt(dir, 'VOD', 4);
      await writeFile(join(dir, 'hls', 'segments.json'), JSON.stringify({ segments: [], durationSec: 8 }));
      return { manifest };
    };
    let publishedWith: ReadonlySet<string> | undefined;
    const ingest: IngestFn = async (_store, m, songId, _manifest, _kind, stored) => {
      publishedWith = stored;
      await m.publish(songKey(songId), stored ? { stored } : {});
      return { id: songId, title: 'Morning' } as SongRecord;
    };
    const handler = createJobHandler({ store: {} as Store, media, compose, ingest, partSyncMs: 100, log: (line) => seen.push(line) });
    const made = handler({ type: 'song', request, kind: 'private', priority: 'dedication' }, {
      id,
      stage: () => undefined,
      playable: (song) => {
        expect(song).toEqual({ title: 'Morning', durationSec: 8 });
        void (async () => {
          offeredWith = {
            segment: await media.has(key, 'hls/128k/seg-00000.ts'),
            leftover: await media.has(key, 'hls/128k/seg-00007.ts'),
            ...(await text(key, 'hls/128k/index.m3u8').then((p) => (p ? { playlist: p } : {}))),
          };
          offered();
        })();
      },
    });
    expect(await made).toMatchObject({ type: 'song', song: { id } });
    expect(offeredWith).toEqual({ segment: true, leftover: false, playlist: { body: playlist('EVENT', 1), cacheControl: GROWING_PLAYLIST_CACHE_CONTROL } });
    const final = await text(key, 'hls/128k/index.m3u8');
    expect(final).toEqual({ body: playlist('VOD', 4), cacheControl: MANIFEST_CACHE_CONTROL });
    // The segments stored while it was made were not sent again; the last one was sent by publish.
    expect(publishedWith?.has('hls/128k/seg-00000.ts')).toBe(true);
    expect(publishedWith?.has('hls/48k/seg-00002.ts')).toBe(true);
    expect(await text(key, 'hls/48k/seg-00003.ts')).toMatchObject({ body: '48k-3' });
    expect(await text(key, 'hls/segments.json')).toBeDefined();
    expect(seen).toEqual([]);
  }, 60_000);

  it('a first part that cannot be stored only means the song is offered when whole: it is still made', async () => {
    const id = 'partsong2';
    const failing = Object.create(media) as S3MediaStore;
    failing.put = () => Promise.reject(new Error('the bucket refused the upload'));
    const lines: string[] = [];
    let offered = 0;
    const compose: ComposeFn = async (_r, _s, dir, options) => {
      await encoderAt(dir, 'EVENT', 1);
      options.onPlayable?.({ title: 'Morning', durationSec: 8 });
      await new Promise((r) => setTimeout(r, 500));
      await encoderAt(dir, 'VOD', 2);
      return { manifest };
    };
    const ingest: IngestFn = async (_store, m, songId, _manifest, _kind, stored) => {
      await m.publish(songKey(songId), stored ? { stored } : {});
      return { id: songId } as SongRecord;
    };
    const handler = createJobHandler({ store: {} as Store, media: failing, compose, ingest, partSyncMs: 50, log: (line) => lines.push(line) });
    expect(await handler({ type: 'song', request, kind: 'private', priority: 'dedication' }, { id, stage: () => undefined, playable: () => offered++ })).toMatchObject({ song: { id } });
    expect(offered).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^song partsong2: its first part could not be stored .*refused.*; it is offered when whole$/)]);
    expect(await text(songKey(id), 'hls/128k/index.m3u8')).toEqual({ body: playlist('VOD', 2), cacheControl: MANIFEST_CACHE_CONTROL });

    // Only a phone's song is offered early: an operator's or the catalog's stores nothing ahead.
    lines.length = 0;
    expect(await handler({ type: 'song', request, kind: 'private', priority: 'operator' }, { id: 'partsong3', stage: () => undefined, playable: () => offered++ })).toMatchObject({ song: { id: 'partsong3' } });
    expect([offered, lines]).toEqual([0, []]);
  }, 60_000);

  it('a song made into a local folder is offered as the composer says, with nothing stored ahead', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parts-local-'));
    try {
      const local = { kind: 'local', workDir: () => dir, put: () => Promise.reject(new Error('nothing is put ahead in a local folder')), remove: () => Promise.resolve() } as unknown as S3MediaStore;
      let offered = 0;
      const compose: ComposeFn = async (_r, _s, out, options) => {
        await encoderAt(out, 'EVENT', 1);
        options.onPlayable?.({ title: 'Morning', durationSec: 8 });
        return { manifest };
      };
      const handler = createJobHandler({ store: {} as Store, media: local, compose, ingest: async (_s, _m, songId) => ({ id: songId }) as SongRecord });
      await handler({ type: 'song', request, kind: 'private', priority: 'dedication' }, { id: 'localsng', stage: () => undefined, playable: () => offered++ });
      expect(offered).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
