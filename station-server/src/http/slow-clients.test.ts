// Slow clients on loopback against a real station: a head or a body sent a byte at a time, or nothing
// at all, is cut off after the configured time on every path (the front door's live paths, pages and
// the API behind it), while a player keeps getting its playlist.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import type { Station } from '../station.js';
import { startToneStation, type ToneStation } from '../testing/tone-station.js';

let station: Station;

/** Sends `text` a character every `everyMs` (then keeps trickling spaces) until the station closes the connection. */
function trickle(text: string, everyMs = 250, giveUpMs = 30_000): Promise<{ ms: number; answer: string }> {
  const socket = connect({ host: '127.0.0.1', port: station.port });
  const began = Date.now();
  let answer = '';
  let i = 0;
  const timer = setInterval(() => {
    if (!socket.destroyed && socket.writable) socket.write(i < text.length ? text[i++]! : 'x');
  }, everyMs);
  return new Promise((done, fail) => {
    const giveUp = setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      fail(new Error(`still open after ${giveUpMs} ms`));
    }, giveUpMs);
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      done({ ms: Date.now() - began, answer });
    });
  });
}

let running: ToneStation;
beforeAll(async () => {
  running = await startToneStation('slow-clients', [{ title: 'Tone', seconds: 6 }], { HTTP_HEADERS_TIMEOUT_SECONDS: '2', HTTP_REQUEST_TIMEOUT_SECONDS: '3' });
  station = running.station;
});

afterAll(() => running.stop());

describe('slow clients', () => {
  it('cuts off a head sent a byte at a time on a live path, on a page and on a WebSocket upgrade', async () => {
    const heads = [
      'GET /live/radio-optimism/128k.m3u8 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ',
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ',
      'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Slow: ',
    ];
    const playerGets: number[] = [];
    const player = setInterval(() => {
      void fetch(`http://127.0.0.1:${station.port}/live/radio-optimism/128k.m3u8`).then((r) => playerGets.push(r.status));
    }, 300);
    const results = await Promise.all(heads.map((h) => trickle(h)));
    clearInterval(player);
    for (const r of results) {
      // Bounded: 2 s of head time (each path) plus the check interval, far from node's 60 s default.
      expect(r.ms).toBeLessThan(15_000);
      expect(r.answer === '' || /^HTTP\/1\.1 408 /.test(r.answer)).toBe(true);
    }
    expect(playerGets.length).toBeGreaterThan(0);
    expect(playerGets.every((s) => s === 200)).toBe(true);
  });

  it('cuts off a connection that sends nothing', async () => {
    const r = await trickle('', 60_000);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('cuts off a body sent a byte at a time', async () => {
    const body = JSON.stringify({ message: 'hello there', to: 'Ana', genre: 'pop', vibe: 'calm', language: 'en' }).padEnd(2000, ' ');
    const r = await trickle(`POST /api/v1/moderation/x/approve HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`, 50);
    expect(r.ms).toBeLessThan(15_000);
    expect(r.answer === '' || /^HTTP\/1\.1 408 /.test(r.answer)).toBe(true);
  });

  it('refuses a body over the size limit at once', async () => {
    const res = await fetch(`http://127.0.0.1:${station.port}/api/v1/songs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'x'.repeat(20_000) }) });
    expect(res.status).toBe(413);
  });
});
