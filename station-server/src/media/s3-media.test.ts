// The S3 media store against a real S3-compatible server (s3rver) on 127.0.0.1.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startS3Server, type S3TestServer } from '../testing/s3-server.js';
import { freePort } from '../testing/free-port.js';
import { GROWING_PLAYLIST_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL, MANIFEST_CACHE_CONTROL } from './cache-policy.js';
import { s3Client, S3MediaStore } from './s3-media.js';
import { S3MediaError } from './s3-errors.js';

let server: S3TestServer;
let scratch: string;
let store: S3MediaStore;

beforeAll(async () => {
  server = await startS3Server();
  scratch = await mkdtemp(join(tmpdir(), 's3-scratch-'));
  store = new S3MediaStore(server.config, { scratchDir: scratch });
});

afterAll(async () => {
  store?.close();
  await server?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function text(body: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const chunk of body) out += chunk.toString();
  return out;
}

async function makeSong(key: string, files: Record<string, string>): Promise<void> {
  const dir = store.workDir(key);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), content);
  }
}

const SONG = {
  'song.m4a': 'AAC-bytes-0123456789',
  'cover.png': 'PNG-bytes',
  'lyrics.vtt': 'WEBVTT\n',
  'hls/128k/index.m3u8': '#EXTM3U\n',
  'hls/128k/seg-00000.ts': 'TS-segment-zero',
  'hls/segments.json': '{"segments":[]}',
};

describe('S3 media store', () => {
  test('workDir is a scratch folder under scratchDir, named for the key', () => {
    expect(store.workDir('songs/abc')).toBe(join(scratch, 'songs', 'abc'));
    expect(store.kind).toBe('s3');
  });

  test('publish uploads every file with its type and cache policy, then frees the scratch', async () => {
    await makeSong('songs/one', SONG);
    await store.publish('songs/one');
    expect(existsSync(store.workDir('songs/one'))).toBe(false);
    for (const [file, content] of Object.entries(SONG)) expect((await store.read('songs/one', file))?.toString()).toBe(content);

    const client = s3Client(server.config);
    const head = async (file: string) => client.send(new HeadObjectCommand({ Bucket: server.bucket, Key: `songs/one/${file}` }));
    const segment = await head('hls/128k/seg-00000.ts');
    expect(segment.CacheControl).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(segment.ContentType).toBe('video/mp2t');
    const song = await head('song.m4a');
    expect(song.CacheControl).toBe('public, max-age=31536000, immutable');
    expect(song.ContentType).toBe('audio/mp4');
    expect((await head('cover.png')).ContentType).toBe('image/png');
    const playlist = await head('hls/128k/index.m3u8');
    expect(playlist.ContentType).toBe('application/vnd.apple.mpegurl');
    expect(playlist.CacheControl).toBe(MANIFEST_CACHE_CONTROL);
    client.destroy();
  });

  test('open streams a file whole or a byte range of it', async () => {
    const whole = await store.open('songs/one', 'song.m4a');
    expect(whole?.size).toBe(SONG['song.m4a'].length);
    expect(whole?.contentType).toBe('audio/mp4');
    expect(await text(whole!.body)).toBe(SONG['song.m4a']);

    const part = await store.open('songs/one', 'song.m4a', { start: 4, end: 8 });
    expect(part?.size).toBe(5);
    expect(await text(part!.body)).toBe(SONG['song.m4a'].slice(4, 9));
  });

  test('a range past the end is a typed error; a backwards range is refused before asking', async () => {
    await expect(store.open('songs/one', 'song.m4a', { start: 1000, end: 2000 })).rejects.toMatchObject({ code: 'range-not-satisfiable' });
    await expect(store.open('songs/one', 'song.m4a', { start: 5, end: 2 })).rejects.toMatchObject({ code: 'range-not-satisfiable' });
  });

  test('has, read and open say "not there" for what is not there', async () => {
    expect(await store.has('songs/one', 'cover.png')).toBe(true);
    expect(await store.has('songs/one', 'missing.png')).toBe(false);
    expect(await store.has('songs/none', 'cover.png')).toBe(false);
    expect(await store.read('songs/one', 'missing.png')).toBeUndefined();
    expect(await store.open('songs/none', 'song.m4a')).toBeUndefined();
  });

  test('publishing a key again leaves exactly the new files', async () => {
    await makeSong('songs/again', { 'a.ts': 'a1', 'b.ts': 'b1' });
    await store.publish('songs/again');
    await makeSong('songs/again', { 'a.ts': 'a2' });
    await store.publish('songs/again');
    expect((await store.read('songs/again', 'a.ts'))?.toString()).toBe('a2');
    expect(await store.has('songs/again', 'b.ts')).toBe(false);
  });

  test('remove deletes every file of a key and nothing of another', async () => {
    await makeSong('songs/two', { 'song.m4a': 'x', 'hls/48k/seg-00000.ts': 'y' });
    await store.publish('songs/two');
    await makeSong('songs/twofold', { 'song.m4a': 'z' });
    await store.publish('songs/twofold');
    await store.remove('songs/two');
    expect(await store.has('songs/two', 'song.m4a')).toBe(false);
    expect(await store.has('songs/two', 'hls/48k/seg-00000.ts')).toBe(false);
    expect(await store.has('songs/twofold', 'song.m4a')).toBe(true);
  });

  test('names that could escape the scratch folder or mean two things are refused', () => {
    for (const key of ['../x', 'songs/../x', '/abs', 'songs//x', 'songs/.hidden', '', 'a b']) expect(() => store.workDir(key)).toThrow(S3MediaError);
  });

  test('publishing a key with no work folder is a typed error', async () => {
    await expect(store.publish('songs/never-made')).rejects.toMatchObject({ name: 'S3MediaError', code: 'storage-error' });
  });
});

describe('S3 media store, a file at a time', () => {
  test('put stores one file beside the others, with the cache policy asked for, which open reports', async () => {
    await store.put('songs/grow', 'hls/128k/seg-00000.ts', { data: Buffer.from('TS-zero') });
    await store.put('songs/grow', 'hls/128k/index.m3u8', { data: Buffer.from('#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n') }, { cacheControl: GROWING_PLAYLIST_CACHE_CONTROL });
    const playlist = await store.open('songs/grow', 'hls/128k/index.m3u8');
    expect(playlist?.cacheControl).toBe(GROWING_PLAYLIST_CACHE_CONTROL);
    playlist?.body.destroy();
    const segment = await store.open('songs/grow', 'hls/128k/seg-00000.ts');
    expect([segment?.cacheControl, segment?.contentType]).toEqual([IMMUTABLE_CACHE_CONTROL, 'video/mp2t']);
    segment?.body.destroy();
    // From a local file too (a lyric video).
    const file = join(scratch, 'video.mp4');
    await writeFile(file, 'MP4-bytes');
    await store.put('songs/grow', 'video.mp4', { path: file });
    expect((await store.read('songs/grow', 'video.mp4'))?.toString()).toBe('MP4-bytes');
    await expect(store.put('songs/grow', '../escape', { data: Buffer.from('x') })).rejects.toMatchObject({ code: 'bad-key' });
  });

  test('publish replaces the growing playlist with the finished one, and does not send again what was put', async () => {
    // Put while the song was made (different bytes here, to tell a second upload apart).
    await store.put('songs/grown', 'hls/128k/seg-00000.ts', { data: Buffer.from('put-while-made') });
    await store.put('songs/grown', 'hls/128k/index.m3u8', { data: Buffer.from('#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n') }, { cacheControl: GROWING_PLAYLIST_CACHE_CONTROL });
    await makeSong('songs/grown', SONG);
    await store.publish('songs/grown', { stored: new Set(['hls/128k/seg-00000.ts']) });
    expect((await store.read('songs/grown', 'hls/128k/seg-00000.ts'))?.toString()).toBe('put-while-made');
    const playlist = await store.open('songs/grown', 'hls/128k/index.m3u8');
    expect(playlist?.cacheControl).toBe(MANIFEST_CACHE_CONTROL);
    playlist?.body.destroy();
    expect((await store.read('songs/grown', 'hls/128k/index.m3u8'))?.toString()).toBe(SONG['hls/128k/index.m3u8']);
    expect((await store.read('songs/grown', 'song.m4a'))?.toString()).toBe(SONG['song.m4a']);
  });
});

describe('S3 media store listing', () => {
  // s3rver returns every common prefix in one page (it does not count them against MaxKeys), so this
  // checks keys() over 1005 keys; the continuation loop it shares with objectsUnder is walked for real
  // by the next test, whose 1003 files take two pages.
  test('keys lists past 1000 keys', async () => {
    const count = 1005;
    const client = s3Client(server.config);
    const names = Array.from({ length: count }, (_, i) => `many/k${String(i).padStart(5, '0')}`);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < names.length) {
          const name = names[next++]!;
          await client.send(new PutObjectCommand({ Bucket: server.bucket, Key: `${name}/f.txt`, Body: 'x' }));
        }
      }),
    );
    client.destroy();
    const seen: string[] = [];
    for await (const key of store.keys('many/')) seen.push(key);
    expect(seen.length).toBe(count);
    expect(new Set(seen)).toEqual(new Set(names));

    // A smaller page size walks the same keys through more pages.
    const paged = new S3MediaStore(server.config, { scratchDir: scratch, pageSize: 100 });
    const again: string[] = [];
    for await (const key of paged.keys('many/')) again.push(key);
    paged.close();
    expect(again.sort()).toEqual(names);
  }, 300_000);

  test('publish and remove page past 1000 files of one key', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1003; i++) files[`hls/seg-${String(i).padStart(5, '0')}.ts`] = 's';
    await makeSong('songs/long', files);
    await store.publish('songs/long');
    expect(await store.has('songs/long', 'hls/seg-01002.ts')).toBe(true);
    await store.remove('songs/long');
    expect(await store.has('songs/long', 'hls/seg-01002.ts')).toBe(false);
    expect(await store.has('songs/long', 'hls/seg-00000.ts')).toBe(false);
  }, 300_000);
});

describe('S3 media store refusals', () => {
  test('a missing bucket is a typed error naming it, without a stack in the message', async () => {
    const missing = new S3MediaStore({ ...server.config, bucket: 'no-such-bucket' }, { scratchDir: scratch });
    await expect(missing.check()).rejects.toMatchObject({ code: 'bucket-missing' });
    const error = await missing.read('songs/one', 'song.m4a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3MediaError);
    expect((error as S3MediaError).code).toBe('bucket-missing');
    expect((error as S3MediaError).message).toContain('no-such-bucket');
    expect((error as S3MediaError).message).not.toContain('\n');
    await makeSong('songs/lost', { 'song.m4a': 'keep me' });
    const publishing = new S3MediaStore({ ...server.config, bucket: 'no-such-bucket' }, { scratchDir: scratch });
    await expect(publishing.publish('songs/lost')).rejects.toMatchObject({ code: 'bucket-missing' });
    // Nothing accepted is lost: the scratch stays for the next try.
    expect(existsSync(join(store.workDir('songs/lost'), 'song.m4a'))).toBe(true);
    missing.close();
    publishing.close();
  });

  test('wrong credentials are "access denied"', async () => {
    const denied = new S3MediaStore({ ...server.config, credentials: { accessKeyId: 'WRONG', secretAccessKey: 'WRONG' } }, { scratchDir: scratch });
    await expect(denied.read('songs/one', 'song.m4a')).rejects.toMatchObject({ code: 'access-denied' });
    await expect(denied.has('songs/one', 'song.m4a')).rejects.toMatchObject({ code: 'access-denied' });
    await expect(denied.check()).rejects.toMatchObject({ code: 'access-denied' });
    denied.close();
  });

  test('an endpoint nobody listens on is "endpoint unreachable"', async () => {
    const port = await freePort();
    const nowhere = new S3MediaStore({ ...server.config, endpoint: `http://127.0.0.1:${port}` }, { scratchDir: scratch });
    const error = await nowhere.read('songs/one', 'song.m4a').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'S3MediaError', code: 'endpoint-unreachable' });
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    nowhere.close();
  });
});
