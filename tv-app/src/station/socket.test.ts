import { StationSocket } from './socket';

/** A stand-in WebSocket driven by the test. */
class FakeSocket {
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
}

describe('StationSocket', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('replays standing frames after a reconnect and passes frames on', () => {
    const made: FakeSocket[] = [];
    const socket = new StationSocket({ url: 'ws://x/ws', create: () => (made.push(new FakeSocket()), made[made.length - 1] as unknown as WebSocket) });
    const frames: string[] = [];
    socket.on((f) => frames.push(f.type));
    socket.send({ type: 'channel.subscribe', channel: 'radio-optimism' }, 'subscribe');
    made[0]!.open();
    expect(made[0]!.sent).toEqual(['{"type":"channel.subscribe","channel":"radio-optimism"}']);

    made[0]!.close();
    expect(socket.state).toBe('closed');
    jest.advanceTimersByTime(500);
    expect(made).toHaveLength(2);
    made[1]!.open();
    expect(made[1]!.sent).toHaveLength(1);

    made[1]!.onmessage?.({ data: '{"type":"error","code":"x","message":"y"}' });
    made[1]!.onmessage?.({ data: 'not json' });
    expect(frames).toEqual(['error']);
    socket.destroy();
  });

  it('backs off longer after each failure', () => {
    const made: FakeSocket[] = [];
    const socket = new StationSocket({ url: 'ws://x/ws', create: () => (made.push(new FakeSocket()), made[made.length - 1] as unknown as WebSocket) });
    made[0]!.close();
    jest.advanceTimersByTime(500);
    made[1]!.close();
    jest.advanceTimersByTime(500);
    expect(made).toHaveLength(2);
    jest.advanceTimersByTime(500);
    expect(made).toHaveLength(3);
    socket.destroy();
  });

  it('reconnects at once when asked (the app came back), without waiting out the backoff', () => {
    const made: FakeSocket[] = [];
    const socket = new StationSocket({ url: 'ws://x/ws', create: () => (made.push(new FakeSocket()), made[made.length - 1] as unknown as WebSocket) });
    for (let i = 0; i < 4; i++) {
      made[made.length - 1]!.close();
      jest.advanceTimersByTime(10_000);
    }
    made[made.length - 1]!.close();
    const before = made.length;
    socket.reconnectNow();
    expect(made).toHaveLength(before + 1);
    // Already connecting or open: nothing more.
    socket.reconnectNow();
    expect(made).toHaveLength(before + 1);
    socket.destroy();
  });
});
