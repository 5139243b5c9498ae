import { PairingClient, songFailed } from './pairing';
import type { StationSocket } from './socket';
import type { ServerFrame } from './types';

/** The socket's edge: frames are pushed by the test. */
function fakeSocket() {
  const listeners: ((f: ServerFrame) => void)[] = [];
  const socket = {
    on: (l: (f: ServerFrame) => void) => (listeners.push(l), () => undefined),
    onState: () => () => undefined,
    send: (frame: unknown) => sent.push(frame),
  } as unknown as StationSocket;
  const sent: unknown[] = [];
  return { socket, sent, push: (frame: unknown) => listeners.forEach((l) => l(frame as ServerFrame)) };
}

describe('a song sent to this TV', () => {
  beforeEach(() => localStorage.clear());

  it('is offered as soon as its start can be played, and listed once it is whole', () => {
    const { socket, push } = fakeSocket();
    const pairing = new PairingClient(socket);
    const stream = '/media/songs/abc/hls/128k/index.m3u8';
    push({ type: 'dedication.playable', id: 'd_1', song: { id: 'abc', title: 'Thank You, Mom', durationSec: 95.5, to: 'Mom', from: 'Alex', stream } });
    let snap = pairing.getSnapshot();
    expect(snap.arrived).toMatchObject({ id: 'abc', title: 'Thank You, Mom', durationSec: 95.5, to: 'Mom', from: 'Alex', stream });
    expect(snap.arrived?.files).toBeUndefined();
    // Not in For you until it is whole: a song that fails while made leaves nothing behind there.
    expect(snap.received).toEqual([]);

    const files = { audio: '/media/songs/abc/song.m4a', cover: 'c', coverSmall: 'cs', lyrics: 'l', karaoke: 'k', manifest: 'm' };
    push({ type: 'dedication.ready', id: 'd_1', target: 'tv', song: { id: 'abc', status: 'ready', title: 'Thank You, Mom', language: 'en', genre: 'pop', vibe: 'heartfelt', theme: 'thanks', durationSec: 95.5, to: 'Mom', from: 'Alex', createdAt: '2026-11-30T00:00:00Z', files } });
    snap = pairing.getSnapshot();
    expect(snap.received.map((s) => s.id)).toEqual(['abc']);
    expect(snap.arrived?.files).toEqual(files);
    pairing.destroy();
  });

  it('withdraws a song that fails while it is made, by its song id or when the dedication is given up', () => {
    const { socket, push } = fakeSocket();
    const pairing = new PairingClient(socket);
    push({ type: 'dedication.playable', id: 'd_1', song: { id: 'abc', title: 'T', durationSec: 90, to: 'Mom', from: 'Alex', stream: '/media/songs/abc/hls/128k/index.m3u8' } });
    const offered = pairing.getSnapshot().arrived!;
    expect(offered.dedication).toBe('d_1');
    push({ type: 'dedication.failed', id: 'd_1', code: 'composition-failed', message: 'm', songId: 'abc' });
    const snap = pairing.getSnapshot();
    expect(snap.arrived).toBeUndefined();
    expect(songFailed(snap.failed, offered)).toBe(true);
    // Another try of the same dedication is a new song: it is not failed until the station says so.
    const retry = { id: 'def', title: 'T', receivedAt: '', dedication: 'd_1', stream: '/media/songs/def/hls/128k/index.m3u8' };
    expect(songFailed(snap.failed, retry)).toBe(false);
    push({ type: 'dedication.failed', id: 'd_1', code: 'composition-failed', message: 'm' });
    expect(songFailed(pairing.getSnapshot().failed, retry)).toBe(true);
    // A whole song is never failed.
    expect(songFailed(pairing.getSnapshot().failed, { ...retry, files: { audio: 'a', cover: 'c', coverSmall: 'cs', lyrics: 'l', karaoke: 'k', manifest: 'm' } })).toBe(false);
    pairing.destroy();
  });

  it('tells the station once that a dedication is playing', () => {
    const { socket, sent } = fakeSocket();
    const pairing = new PairingClient(socket);
    sent.length = 0;
    pairing.playing('d_1');
    pairing.playing('d_1');
    expect(sent).toEqual([{ type: 'tv.playing', id: 'd_1' }]);
    pairing.destroy();
  });

  it('puts an arrival off when the toast calls back on its own (the callback is not bound to the client)', () => {
    const { socket, push } = fakeSocket();
    const pairing = new PairingClient(socket);
    push({ type: 'dedication.playable', id: 'd_1', song: { id: 'abc', title: 'T', durationSec: 90, to: 'Mom', from: 'Alex', stream: '/s' } });
    const { dismissArrival } = pairing;
    dismissArrival();
    expect(pairing.getSnapshot().arrived).toBeUndefined();
    pairing.destroy();
  });
});
