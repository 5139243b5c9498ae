import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { createStation, type Station } from '../station.js';
import { loadConfig } from '../config.js';
import { openParts as openLibrary } from '../testing/test-parts.js';
import { addToneSong } from '../testing/fixtures.js';

describe('the station over real HTTP and WebSocket', () => {
  let dir: string;
  let station: Station;
  let base: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'station-'));
    await cp(resolve(process.cwd(), 'playlists'), join(dir, 'playlists'), { recursive: true });
    const library = openLibrary(join(dir, 'data'));
    await addToneSong(library, { title: 'First <b>song</b>', seconds: 7, to: '<script>x</script>' });
    await addToneSong(library, { title: 'Second', seconds: 5, frequency: 550, vibe: 'calm', language: 'ko' });
    await addToneSong(library, { title: 'ID', seconds: 3, kind: 'jingle' });
    await library.close();
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), PLAYLISTS_DIR: join(dir, 'playlists') }, dir);
    station = await createStation(config, () => undefined);
    base = `http://127.0.0.1:${station.port}`;
    await station.playout.tick();
  });
  afterAll(async () => {
    await station.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers health and lists channels with their streams', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const channels = (await (await fetch(`${base}/api/v1/channels`)).json()) as { id: string; hls: string }[];
    expect(channels.map((c) => c.id)).toContain('radio-optimism');
    expect(channels[0]!.hls).toBe('/live/radio-optimism/index.m3u8');
  });

  it('serves the multivariant and media playlists with HLS types, short caching and CORS', async () => {
    const master = await fetch(`${base}/live/radio-optimism/index.m3u8`);
    expect(master.headers.get('content-type')).toMatch(/application\/vnd\.apple\.mpegurl/);
    expect(master.headers.get('access-control-allow-origin')).toBe('*');
    expect(master.headers.get('cache-control')).toMatch(/max-age=1/);
    const text = await master.text();
    expect(text).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+.*\n128k\.m3u8/);
    expect(text).toMatch(/48k\.m3u8/);
    await new Promise((r) => setTimeout(r, 2300));
    const media = await (await fetch(`${base}/live/radio-optimism/128k.m3u8`)).text();
    expect(media).toMatch(/#EXT-X-TARGETDURATION:2/);
    expect(media).toMatch(/#EXT-X-PROGRAM-DATE-TIME:/);
    expect(media).toMatch(/#EXT-X-DATERANGE:ID="item-\d+"/);
    const segment = media.split('\n').find((l) => l.endsWith('.ts'))!;
    expect(segment).toMatch(/^\/live\/radio-optimism\/128k\/\d+\.ts$/);
    const seg = await fetch(`${base}${segment}`);
    expect(seg.status).toBe(200);
    expect(seg.headers.get('content-type')).toBe('video/mp2t');
    expect(seg.headers.get('cache-control')).toMatch(/immutable/);
    const ranged = await fetch(`${base}${segment}`, { headers: { Range: 'bytes=0-187' } });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(188);
  });

  it('says what is on now and next, with artwork, lyrics and the dedication', async () => {
    const now = (await (await fetch(`${base}/api/v1/channels/radio-optimism/now`)).json()) as { current: Record<string, unknown>; next: Record<string, unknown> | null };
    expect(now.current).toMatchObject({ artwork: expect.stringMatching(/cover\.jpg$/), lyrics: expect.stringMatching(/lyrics\.vtt$/) });
    expect(typeof now.current.start).toBe('string');
    expect(now.next).not.toBeNull();
  });

  it('answers 404 for unknown channels and never serves a file outside the media folder', async () => {
    expect((await fetch(`${base}/api/v1/channels/nope/now`)).status).toBe(404);
    expect((await fetch(`${base}/live/nope/index.m3u8`)).status).toBe(404);
    expect((await fetch(`${base}/live/radio-optimism/999k.m3u8`)).status).toBe(404);
    for (const path of ['/media/songs/../library.sqlite', '/media/songs/%2e%2e/library.sqlite', '/media/songs/..%2flibrary.sqlite', '/media/songs/%2e%2e%2f%2e%2e%2fplaylists/channels.yaml']) {
      const res = await fetch(`${base}${path}`);
      expect([400, 403, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('SQLite');
    }
  });

  it('pushes now playing over /ws to subscribers, and refuses bad frames without closing', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${station.port}/ws`);
    const frames: { type: string; code?: string; current?: unknown }[] = [];
    ws.on('message', (d) => frames.push(JSON.parse(String(d))));
    await new Promise((r) => ws.once('open', r));
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'channel.subscribe', channel: 'nope' }));
    ws.send(JSON.stringify({ type: 'channel.subscribe', channel: 'radio-optimism' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(frames[0]).toMatchObject({ type: 'error', code: 'bad-frame' });
    expect(frames[1]).toMatchObject({ type: 'error', code: 'unknown-channel' });
    expect(frames[2]).toMatchObject({ type: 'channel.now' });
    expect(frames[2]!.current).toBeTruthy();
    ws.close();
  });
});
