// `npm run cluster` end to end: PostgreSQL, Redis, an S3 server, two station instances and two worker
// processes. A song sent to instance A is made by a worker, lands in the bucket, and instance B answers
// it ready and serves its cover with the immutable cache header. A phone on instance A pairs with a TV
// on instance B and sends it a dedication: the TV is offered the song while a worker still makes it
// (its growing playlist and first segment come from the bucket through B), then gets it whole and
// fetches its files from B. The song's lyric video is made once into the bucket and served by either
// instance. Then SIGTERM stops every process the cluster started and removes its folders.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { S3MediaStore } from '@radio-optimism/station-server/dist/media/s3-media.js';
import { ROOT } from './run.js';
import { Peer } from './ws-peer.js';

const CLUSTER = resolve(ROOT, 'station-server/dist/cli/cluster.js');
const TOKEN = '0123456789abcdef0123456789abcdef';

let cluster: ChildProcess;
let output = '';
let stations: string[] = [];
let workers: number[] = [];
let pids: number[] = [];
let folders: string[] = [];
let s3Endpoint = '';
/** The song the first test makes through the API. */
let madeId = '';
const bucket = () => new S3MediaStore({ endpoint: s3Endpoint, bucket: 'radio-media', region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }, { scratchDir: folders[0]! });
const segmentsOf = (playlist: string) => playlist.split('\n').filter((l) => l.trim() && !l.startsWith('#'));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  cluster = spawn(process.execPath, [CLUSTER], { cwd: ROOT, env: { ...process.env, OPERATOR_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] });
  cluster.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  cluster.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const ready = await until('cluster ready', 600_000, () => {
    if (cluster.exitCode !== null) throw new Error(`the cluster exited (${cluster.exitCode}):\n${output.slice(-4000)}`);
    return /^cluster ready: station (\S+) (\S+) workers (\d+) (\d+)$/m.exec(output) ?? undefined;
  });
  stations = [ready[1]!, ready[2]!];
  workers = [Number(ready[3]), Number(ready[4])];
  const info = /^cluster: folders (\S+) (\S+); pids ([\d ]+)$/m.exec(output)!;
  folders = [info[1]!, info[2]!];
  pids = info[3]!.trim().split(' ').map(Number);
  s3Endpoint = /s3 pid \d+ (\S+)/.exec(output)![1]!;
  // The ready line comes after every start-up line (later lines are the cluster at work).
  await new Promise((r) => setTimeout(r, 2000));
  expect(output.slice(output.indexOf(ready[0]))).not.toMatch(/is on air|health:|worker ready/);
}, 660_000);

afterAll(async () => {
  // After a failure, stopped as a user would (so it removes its folders), and killed only if that hangs.
  if (cluster && cluster.exitCode === null) {
    cluster.kill('SIGTERM');
    await until('the cluster stopped', 90_000, () => (cluster.exitCode !== null ? true : undefined)).catch(() => cluster.kill('SIGKILL'));
  }
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
}, 120_000);

describe('cluster mode', () => {
  it('a song sent to instance A is made by a worker into S3, and instance B has it ready', async () => {
    expect(workers.every(alive)).toBe(true);
    const [a, b] = stations as [string, string];
    const sent = await fetch(`${a}/api/v1/songs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ message: 'thank you for the morning coffee', to: 'Sam', genre: 'pop', vibe: 'upbeat', language: 'en' }),
    });
    expect(sent.status).toBe(202);
    const { id } = (await sent.json()) as { id: string };
    const song = await until('the song ready on instance B', 900_000, async () => {
      const res = await fetch(`${b}/api/v1/songs/${id}`);
      const body = (await res.json()) as { title?: string; status?: string };
      if (body.status === 'failed') throw new Error(`the song failed: ${JSON.stringify(body)}`);
      return body.title ? body : undefined;
    });
    expect(song.title).toBeTruthy();
    // Made by a worker: the stations compose nothing in cluster mode.
    expect(output).toMatch(new RegExp(`\\[worker-\\d\\] worker: job ${id} .*ready`));
    madeId = id;
    const media = bucket();
    const keys: string[] = [];
    for await (const key of media.keys('songs/')) keys.push(key);
    expect(keys).toContain(`songs/${id}`);
    expect(await media.has(`songs/${id}`, 'cover.jpg')).toBe(true);
    expect(await media.has(`songs/${id}`, 'hls/segments.json')).toBe(true);
    media.close();
    const cover = await fetch(`${b}/media/songs/${id}/cover.jpg`);
    expect(cover.status).toBe(200);
    expect(cover.headers.get('content-type')).toBe('image/jpeg');
    expect(cover.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const jpeg = Buffer.from(await cover.arrayBuffer());
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // Both instances hear it is ready and copy its playout files into their read-through caches.
    for (const n of [1, 2]) await until(`station-${n}'s cache`, 60_000, () => (existsSync(join(folders[0]!, `station-${n}`, 'cache/songs', id, 'hls/segments.json')) ? true : undefined));
  }, 960_000);

  it('a phone on instance A pairs with a TV on instance B and sends it a dedication, which B then plays', async () => {
    const [a, b] = stations as [string, string];
    const ws = (base: string) => `${base.replace(/^http/, 'ws')}/ws`;
    const tv = await Peer.open(ws(b));
    const phone = await Peer.open(ws(a));
    try {
      tv.send({ type: 'tv.hello' });
      const welcome = await tv.next('tv.welcome', () => true, 15_000);
      // The code lives in the shared store; the pairing reaches B's socket over the bus.
      phone.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Alex' });
      const paired = await phone.next('phone.paired', () => true, 15_000);
      expect(paired.tvId).toBe(welcome.tvId);
      const phones = await tv.next('tv.phones', (f) => (f.phones as { name: string }[]).some((p) => p.name === 'Alex'), 15_000);
      expect((phones.phones as { name: string }[]).map((p) => p.name)).toContain('Alex');

      const t = Date.now();
      phone.send({ type: 'dedication.create', request: { message: 'For every Sunday morning together', to: 'Noa', from: 'Alex', relation: 'family', genre: 'acoustic', vibe: 'heartfelt', language: 'en' }, target: 'tv' });
      const accepted = await phone.next('dedication.accepted', () => true, 30_000);
      // Progress comes from a worker, through whichever instance the phone is on.
      await phone.next('dedication.progress', (f) => f.id === accepted.id && f.stage !== 'queued', 600_000);
      // The worker stores the song's first part in the bucket and says so through the queue; A, which
      // holds the dedication, offers it to the TV on B before the song is whole.
      const playable = await tv.next('dedication.playable', (f) => f.id === accepted.id, 900_000);
      const offeredAfter = (Date.now() - t) / 1000;
      expect(tv.frames.some((f) => f.type === 'dedication.ready' && f.id === accepted.id)).toBe(false);
      const offered = playable.song as { id: string; to: string; durationSec: number; stream: string };
      expect(offered.to).toBe('Noa');
      expect(offered.stream).toBe(`/media/songs/${offered.id}/hls/128k/index.m3u8`);
      const growing = await fetch(`${b}${offered.stream}`);
      expect([growing.status, growing.headers.get('content-type')]).toEqual([200, 'application/vnd.apple.mpegurl']);
      const first = await growing.text();
      // Unless the rest was made in the moment between the offer and this request, the playlist still grows.
      if (!first.includes('#EXT-X-ENDLIST')) {
        expect(first).toContain('#EXT-X-PLAYLIST-TYPE:EVENT');
        expect(growing.headers.get('cache-control')).toBe('no-cache');
      }
      expect(segmentsOf(first).length).toBeGreaterThan(0);
      const segment = await fetch(new URL(segmentsOf(first)[0]!, `${b}${offered.stream}`));
      expect([segment.status, segment.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
      expect(Buffer.from(await segment.arrayBuffer())[0]).toBe(0x47); // an MPEG-TS packet
      const onTv = await tv.next('dedication.ready', (f) => f.id === accepted.id, 900_000);
      console.log(`cluster: a dedication from a phone on A was offered to the TV on B ${offeredAfter.toFixed(1)} s after it was sent (a part made), and was whole after ${((Date.now() - t) / 1000).toFixed(1)} s`);
      // The finished VOD playlist replaced the growing one, cached as a stored manifest, and begins with the same segments.
      const whole = await fetch(`${b}${offered.stream}`);
      expect(whole.headers.get('cache-control')).toBe('public, max-age=60');
      const complete = await whole.text();
      expect(complete).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(complete).toContain('#EXT-X-ENDLIST');
      expect(segmentsOf(complete).slice(0, segmentsOf(first).length)).toEqual(segmentsOf(first));
      expect((onTv.song as { id: string }).id).toBe(offered.id);
      const ready = await phone.next('dedication.ready', (f) => f.id === accepted.id, 30_000);
      const song = onTv.song as { id: string; to: string; files: Record<'audio' | 'cover' | 'coverSmall' | 'lyrics' | 'karaoke', string> };
      expect(song.to).toBe('Noa');
      expect((ready.song as { id: string }).id).toBe(song.id);

      // What the TV then fetches, all from B: the audio (as <audio> asks, a range first), the cover,
      // the words it lights in time and the karaoke track.
      const head = await fetch(`${b}${song.files.audio}`, { headers: { Range: 'bytes=0-1023' } });
      expect([head.status, head.headers.get('content-type')]).toEqual([206, 'audio/mp4']);
      expect(Buffer.from(await head.arrayBuffer()).toString('latin1', 4, 8)).toBe('ftyp');
      const audio = await fetch(`${b}${song.files.audio}`);
      expect(audio.status).toBe(200);
      expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
      const cover = await fetch(`${b}${song.files.cover}`);
      expect([cover.status, cover.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
      await cover.arrayBuffer();
      const lyrics = await fetch(`${b}${song.files.lyrics}`);
      expect(lyrics.status).toBe(200);
      expect(await lyrics.text()).toMatch(/^WEBVTT[\s\S]*Noa/);
      const karaoke = await fetch(`${b}${song.files.karaoke}`);
      expect([karaoke.status, karaoke.headers.get('content-type')]).toEqual([200, 'audio/mp4']);
      await karaoke.arrayBuffer();
    } finally {
      tv.close();
      phone.close();
    }
  }, 960_000);

  it('makes the lyric video of a song once, into the bucket, and either instance serves it', async () => {
    expect(madeId).not.toBe('');
    const [a, b] = stations as [string, string];
    const video = await fetch(`${b}/s/${madeId}/video.mp4`, { signal: AbortSignal.timeout(600_000) });
    expect([video.status, video.headers.get('content-type')]).toEqual([200, 'video/mp4']);
    const dir = await mkdtemp(join(tmpdir(), 'cluster-video-'));
    try {
      const file = join(dir, 'video.mp4');
      await writeFile(file, Buffer.from(await video.arrayBuffer()));
      // `ffmpeg -i FILE` prints the streams (it exits 1: no output was asked for).
      const probe = await new Promise<string>((ok) => execFile(ffmpegInstaller.path, ['-hide_banner', '-i', file], (_e, _out, err) => ok(err)));
      expect(probe).toMatch(/Video: h264.*1080x1920/);
      expect(probe).toMatch(/Audio: aac/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const media = bucket();
    try {
      expect(await media.has(`songs/${madeId}`, 'video.mp4')).toBe(true);
    } finally {
      media.close();
    }
    // Made once: the other instance finds it in the bucket and sends a byte range of it at once.
    const part = await fetch(`${a}/s/${madeId}/video.mp4`, { headers: { Range: 'bytes=0-1023' } });
    expect([part.status, part.headers.get('content-type')]).toEqual([206, 'video/mp4']);
    expect(Buffer.from(await part.arrayBuffer()).toString('latin1', 4, 8)).toBe('ftyp');
    expect(output.match(new RegExp(`video for ${madeId} failed`, 'g'))).toBeNull();
  }, 660_000);

  it('SIGTERM stops every process it started and removes its folders', async () => {
    expect(pids.length).toBe(7);
    cluster.kill('SIGTERM');
    await until('the cluster stopped', 120_000, () => (cluster.exitCode !== null ? true : undefined));
    expect(cluster.exitCode).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    expect(folders.filter((f) => existsSync(f))).toEqual([]);
  }, 180_000);
});
