// The front door when the playout under it fails: an answer, never an exception out of the socket's
// data handler (which would be an uncaught exception in the station process).
import { describe, expect, it } from '@jest/globals';
import { createServer as createHttpServer } from 'node:http';
import { connect } from 'node:net';
import type { Playout } from '../station/playout.js';
import { createFrontDoor } from './live-front-door.js';

const ask = (port: number, request: string) =>
  new Promise<string>((done, fail) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(request));
    let text = '';
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('close', () => done(text));
    socket.on('error', fail);
    setTimeout(() => socket.destroy(), 5000);
  });

describe('the front door over a failing playout', () => {
  it('answers a playlist whose making throws, and a segment whose reading rejects, and keeps serving', async () => {
    const playout = {
      channel: () => ({ id: 'x' }),
      playlist: () => {
        throw new Error('timeline broke');
      },
      segment: () => Promise.reject(new Error('disk broke')),
    } as unknown as Playout;
    const door = createFrontDoor(playout, createHttpServer(), 5000);
    await new Promise<void>((r) => door.server.listen(0, '127.0.0.1', () => r()));
    const { port } = door.server.address() as { port: number };
    try {
      const playlist = await ask(port, 'GET /live/x/128k.m3u8 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
      expect(playlist).toMatch(/^HTTP\/1\.1 500 /);
      const segment = await ask(port, 'GET /live/x/128k/7.ts HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
      expect(segment).toMatch(/^HTTP\/1\.1 500 /);
    } finally {
      await door.close();
    }
  });
});
