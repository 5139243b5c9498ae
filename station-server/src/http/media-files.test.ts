// Songs' files served from S3 (a real S3-compatible server on 127.0.0.1) through the HTTP route.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { startS3Server, type S3TestServer } from '../testing/s3-server.js';
import { S3MediaStore } from '../media/s3-media.js';
import { IMMUTABLE_CACHE_CONTROL } from '../media/cache-policy.js';
import { mediaFiles, parseRange } from './media-files.js';

let s3: S3TestServer;
let scratch: string;
let media: S3MediaStore;
let server: Server;
let base: string;
const SEGMENT = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

beforeAll(async () => {
  s3 = await startS3Server();
  scratch = await mkdtemp(join(tmpdir(), 'media-files-'));
  media = new S3MediaStore(s3.config, { scratchDir: scratch });
  const dir = media.workDir('songs/abcdef12');
  await mkdir(join(dir, 'hls/128k'), { recursive: true });
  await writeFile(join(dir, 'cover.png'), 'not really a png');
  await writeFile(join(dir, 'hls/128k/seg-00001.ts'), SEGMENT);
  await writeFile(join(dir, 'hls/128k/index.m3u8'), '#EXTM3U\n');
  await media.publish('songs/abcdef12');
  const app = express();
  app.use('/media/songs', mediaFiles(media, () => undefined));
  app.use((_req, res) => void res.status(404).end());
  server = app.listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/media/songs/abcdef12`;
}, 60_000);

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  media?.close();
  await s3?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('song files from S3 over HTTP', () => {
  it('serves a file whole, with its type and the immutable cache header', async () => {
    const res = await fetch(`${base}/cover.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(await res.text()).toBe('not really a png');
    const segment = await fetch(`${base}/hls/128k/seg-00001.ts`);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect(segment.headers.get('cache-control')).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(Buffer.from(await segment.arrayBuffer()).equals(SEGMENT)).toBe(true);
  });

  it('answers byte ranges, suffix ranges and ranges past the end', async () => {
    const part = await fetch(`${base}/hls/128k/seg-00001.ts`, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(Buffer.from(await part.arrayBuffer()).equals(SEGMENT.subarray(10, 20))).toBe(true);
    const tail = await fetch(`${base}/hls/128k/seg-00001.ts`, { headers: { Range: 'bytes=-5' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(SEGMENT.subarray(995))).toBe(true);
    const past = await fetch(`${base}/hls/128k/seg-00001.ts`, { headers: { Range: 'bytes=2000-' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */1000');
  });

  it('a playlist stored with a song is cached briefly; HEAD sends no body; what is not there is passed on', async () => {
    expect((await fetch(`${base}/hls/128k/index.m3u8`)).headers.get('cache-control')).not.toBe(IMMUTABLE_CACHE_CONTROL);
    const head = await fetch(`${base}/cover.png`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('16');
    expect((await fetch(`${base}/missing.png`)).status).toBe(404);
    expect((await fetch(`${base}/..%2f..%2fetc/passwd`)).status).toBe(404);
  });

  it('parses ranges', () => {
    expect(parseRange(undefined, 10)).toBeUndefined();
    expect(parseRange('bytes=0-', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,3-4', 10)).toBeUndefined();
  });
});
