// The TV's WebSocket to the station: reconnects with backoff and, on every (re)connect, replays
// the frames that set up its state (channel subscription, tv.hello), so a restarted server
// sees the same TV again without the views doing anything.
import { backoffMs } from './api';
import type { ClientFrame, ServerFrame } from './types';

export type SocketState = 'connecting' | 'open' | 'closed';

export interface SocketOptions {
  url: string;
  /** Replaced in tests. */
  create?: (url: string) => WebSocket;
}

type Listener = (frame: ServerFrame) => void;
type StateListener = (state: SocketState) => void;

export class StationSocket {
  private ws: WebSocket | undefined;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private readonly listeners = new Set<Listener>();
  private readonly stateListeners = new Set<StateListener>();
  /** Frames replayed on each connect, keyed so a newer one replaces an older one. */
  private readonly standing = new Map<string, ClientFrame>();
  state: SocketState = 'connecting';

  constructor(private readonly options: SocketOptions) {
    this.connect();
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onState(listener: StateListener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Sends now if open; a standing frame is also sent again after every reconnect. */
  send(frame: ClientFrame, standingKey?: string): void {
    if (standingKey) this.standing.set(standingKey, frame);
    if (this.ws?.readyState === 1) this.ws.send(JSON.stringify(frame));
  }

  /** Connects at once if closed (the app came back to the front): no waiting out the backoff. */
  reconnectNow(): void {
    if (this.destroyed || this.ws) return;
    clearTimeout(this.timer);
    this.attempt = 0;
    this.connect();
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.timer);
    this.ws?.close();
    this.listeners.clear();
    this.stateListeners.clear();
  }

  private setState(state: SocketState) {
    this.state = state;
    for (const l of this.stateListeners) l(state);
  }

  private connect() {
    if (this.destroyed) return;
    this.setState('connecting');
    let ws: WebSocket;
    try {
      ws = (this.options.create ?? ((u) => new WebSocket(u)))(this.options.url);
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.setState('open');
      for (const frame of this.standing.values()) ws.send(JSON.stringify(frame));
    };
    ws.onmessage = (event: MessageEvent) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      if (!frame || typeof frame.type !== 'string') return;
      for (const l of this.listeners) l(frame);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      this.setState('closed');
      this.retry();
    };
    ws.onerror = () => {
      // onclose follows; retrying happens there.
    };
  }

  private retry() {
    if (this.destroyed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), backoffMs(this.attempt++));
  }
}
