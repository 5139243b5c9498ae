// Listener statistics end to end over real sockets: fake listeners on distinct loopback addresses
// fetch media playlists (through the front door, and one over HTTP/1.0, which node:http answers),
// and /api/v1/stats and its CSV count them; the roll-up writes them to the store on shutdown.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStation, type Station } from '../station.js';
import { loadConfig } from '../config.js';
import { openParts } from '../testing/test-parts.js';
import { addToneSong } from '../testing/fixtures.js';
import { openSqliteStore } from '../library/sqlite-store.js';
import type { StatsReport } from '../stats/stats-report.js';

const TOKEN = 'stats-test-operator-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

/** One playlist fetch from `localAddress` (HTTP/1.1, so the front door answers it). */
const fetchFrom = (port: number, path: string, localAddress: string, agent = 'test-player') =>
  new Promise<number>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, localAddress, headers: { 'user-agent': agent }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end();
  });

/** One playlist fetch over HTTP/1.0, which the front door hands to node:http. */
const fetchOld = (port: number, path: string, localAddress: string) =>
  new Promise<string>((done, fail) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress }, () => socket.write(`GET ${path} HTTP/1.0\r\nUser-Agent: old-player\r\n\r\n`));
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('end', () => done(text.split('\r\n')[0]!));
    socket.on('error', fail);
  });

const waitFor = async <T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe('listener statistics over real sockets', () => {
  let dir: string;
  let station: Station;
  let base: string;
  let destroyed = false;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stats-'));
    await cp(resolve(process.cwd(), 'playlists'), join(dir, 'playlists'), { recursive: true });
    const library = openParts(join(dir, 'data'));
    await addToneSong(library, { title: 'First', seconds: 7 });
    await addToneSong(library, { title: 'Second', seconds: 5, frequency: 550, vibe: 'calm' });
    await library.close();
    station = await createStation(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), PLAYLISTS_DIR: join(dir, 'playlists'), SEED_CATALOG: 'false', OPERATOR_TOKEN: TOKEN }, dir), () => undefined);
    base = `http://127.0.0.1:${station.port}`;
    await station.playout.tick();
  });
  afterAll(async () => {
    if (!destroyed) await station.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const stats = async (range = 'hour') => (await (await fetch(`${base}/api/v1/stats?range=${range}`, { headers: auth })).json()) as StatsReport;

  it('counts each address as one listener on the channel it polls, and shows them in /api/v1/stats and its CSV', async () => {
    const poll = async () => {
      const answers: (number | string)[] = [];
      // 12 listeners on the main channel (each twice: still one each), 3 on calm, one more on calm over HTTP/1.0.
      for (let i = 0; i < 12; i++) answers.push(await fetchFrom(station.port, '/live/radio-optimism/128k.m3u8', `127.0.0.${10 + i}`));
      for (let i = 0; i < 12; i++) answers.push(await fetchFrom(station.port, '/live/radio-optimism/48k.m3u8', `127.0.0.${10 + i}`));
      for (let i = 0; i < 3; i++) answers.push(await fetchFrom(station.port, '/live/calm/128k.m3u8', `127.0.0.${40 + i}`));
      answers.push(await fetchOld(station.port, '/live/calm/128k.m3u8', '127.0.0.50'));
      // Segments and the multivariant playlist are not what makes a listener.
      answers.push(await fetchFrom(station.port, '/live/radio-optimism/index.m3u8', '127.0.0.60'));
      return answers;
    };
    const answers = await poll();
    expect(answers.slice(0, 27)).toEqual(new Array(27).fill(200));
    expect(answers[27]).toMatch(/^HTTP\/1\.[01] 200/);
    const report = await waitFor(async () => {
      await poll(); // keep them listening while the sweep notes the minute's peak
      return stats();
    }, (r) => Math.max(...r.listeners['radio-optimism']!) >= 12 && Math.max(...r.listeners['calm']!) >= 4);
    expect(report.now['radio-optimism']).toBe(12);
    expect(report.now['calm']).toBe(4);
    expect(Math.max(...report.listeners['radio-optimism']!)).toBe(12);
    expect(Math.max(...report.listeners['calm']!)).toBe(4);
    expect(report.times).toHaveLength(60);
    expect(report.stepMinutes).toBe(1);
    // What went on air when the station started is a play, of a song the library knows.
    expect(report.plays['radio-optimism']!.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(report.songs.length).toBeGreaterThanOrEqual(1);
    expect(['First', 'Second']).toContain(report.songs[0]!.title);

    const csv = await fetch(`${base}/api/v1/stats/listeners.csv?range=hour`, { headers: auth });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="radio-optimism-listeners-hour-/);
    const lines = (await csv.text()).trim().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header[0]).toBe('time');
    const main = header.indexOf('radio-optimism');
    expect(Math.max(...lines.slice(1).map((l) => Number(l.split(',')[main])))).toBe(12);
    expect(lines).toHaveLength(61);
  }, 60_000);

  it('is for operators only, and refuses an unknown range or table with a line that says what to ask', async () => {
    expect((await fetch(`${base}/api/v1/stats`)).status).toBe(401);
    const bad = await fetch(`${base}/api/v1/stats?range=year`, { headers: auth });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'bad-range', message: 'range must be one of hour, day, week' } });
    const none = await fetch(`${base}/api/v1/stats/secrets.csv`, { headers: auth });
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/listeners\.csv/);
    const week = await stats('week');
    expect(week.times).toHaveLength(168);
  });

  it('writes the minutes to the store when the station stops', async () => {
    await station.destroy();
    destroyed = true;
    const store = openSqliteStore(join(dir, 'data'), { log: () => undefined });
    try {
      const minute = Math.floor(Date.now() / 60_000);
      const rows = await store.stats.range('listeners', minute - 5, minute + 1);
      expect(Math.max(...rows.filter((r) => r.key === 'radio-optimism').map((r) => r.value))).toBe(12);
      expect(Math.max(...rows.filter((r) => r.key === 'calm').map((r) => r.value))).toBe(4);
    } finally {
      await store.close();
    }
  });
});
