// Property-based fuzzing of the front door: its head parser never throws, and over real TCP random
// and mutated raw heads get a valid HTTP response or a close, never a crash or a hang.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { connect } from 'node:net';
import type { Station } from '../station.js';
import { startToneStation, type ToneStation } from '../testing/tone-station.js';
import { parse } from './live-front-door.js';

let station: Station;

const VALID_HEADS = [
  'GET /live/radio-optimism/128k.m3u8 HTTP/1.1\r\nHost: 127.0.0.1',
  'HEAD /live/radio-optimism/index.m3u8 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close',
  'GET /live/radio-optimism/48k/0.ts HTTP/1.1\r\nHost: x\r\nRange: bytes=0-187',
  'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1',
  'POST /api/v1/songs HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}',
  'GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade',
];
const PIECES = ['\r\n', '\r\n\r\n', '\n', ' ', ':', '/', '..', '%00', '\u0000', 'HTTP/1.1', 'HTTP/1.0', 'Transfer-Encoding: chunked', 'Content-Length: -1', 'Range: bytes=9-1', 'Connection: close', 'Expect: 100-continue', '\u00ff', '노래'];

/** A valid head edited at random (pieces of HTTP inserted, bytes cut and replaced), ended or not. */
const mutatedHead = fc
  .tuple(
    fc.constantFrom(...VALID_HEADS),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }))), { maxLength: 5 }),
    fc.boolean(),
  )
  .map(([head, edits, ended]) =>
    edits.reduce((t, [at, cut, put]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + put + t.slice(i + cut);
    }, head) + (ended ? '\r\n\r\n' : ''),
  );
const randomBytes = fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1'));

/** Sends the bytes, half-closes, and waits for the station to answer or close (a hang fails the test). */
function send(raw: string): Promise<{ answer: string; closed: boolean }> {
  return new Promise((done, fail) => {
    const socket = connect({ host: '127.0.0.1', port: station.port });
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      fail(new Error(`no answer and no close for ${JSON.stringify(raw)}`));
    }, 10_000);
    socket.on('data', (d) => {
      answer += d.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      done({ answer, closed: true });
    });
    socket.end(Buffer.from(raw, 'latin1'));
  });
}

let running: ToneStation;
beforeAll(async () => {
  running = await startToneStation('front-door-fuzz', [{ title: 'Tone', seconds: 6 }], { HTTP_HEADERS_TIMEOUT_SECONDS: '2', HTTP_REQUEST_TIMEOUT_SECONDS: '3' });
  station = running.station;
});

afterAll(() => running.stop());

describe('the front door under fuzzing', () => {
  it('parses any head without throwing: a live request or a hand-over', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedHead, randomBytes, fc.string({ maxLength: 300 })), (head) => {
        const request = parse(head.replace(/\r\n\r\n[^]*$/, ''), station.playout);
        if (request) expect(request.path.startsWith('/live/')).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('answers random and mutated raw requests with a valid HTTP response or a close, and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedHead, mutatedHead, randomBytes), async (raw) => {
        const { answer } = await send(raw);
        // Every response on the connection starts with a status line; nothing else is ever written.
        if (answer) expect(answer).toMatch(/^HTTP\/1\.1 [1-5]\d\d /);
      }),
      { numRuns: 300 },
    );
    const health = await fetch(`http://127.0.0.1:${station.port}/healthz`);
    expect(health.status).toBe(200);
    const playlist = await fetch(`http://127.0.0.1:${station.port}/live/radio-optimism/128k.m3u8`);
    expect(await playlist.text()).toMatch(/^#EXTM3U/);
  });
});
