import { PairingClient } from './pairing';
import type { StationSocket } from './socket';
import type { ServerFrame } from './types';

/** The socket's edge: frames are pushed by the test. */
function fakeSocket() {
  const listeners: ((f: ServerFrame) => void)[] = [];
  const socket = {
    on: (l: (f: ServerFrame) => void) => (listeners.push(l), () => undefined),
    onState: () => () => undefined,
    send: () => undefined,
  } as unknown as StationSocket;
  return { socket, push: (frame: unknown) => listeners.forEach((l) => l(frame as ServerFrame)) };
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
});
