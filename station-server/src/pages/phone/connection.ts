// The phone's one WebSocket to the station: reconnects by itself with a growing, jittered delay
// (so a station restart is not stampeded), reconnects at once when the phone comes back online,
// and reports its state so the page can say "reconnecting…".
export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'offline';

export interface Link {
  /** Sends a frame now; false when the socket is not open (nothing is queued: the caller decides). */
  send(frame: object): boolean;
  readonly status: LinkStatus;
  close(): void;
}

export interface LinkOptions {
  url: string;
  onOpen(): void;
  onFrame(frame: { type: string } & Record<string, unknown>): void;
  onStatus(status: LinkStatus): void;
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

export function openLink(options: LinkOptions): Link {
  let ws: WebSocket | undefined;
  let status: LinkStatus = 'connecting';
  let attempt = 0;
  let timer: number | undefined;
  let closed = false;

  const setStatus = (next: LinkStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus(next);
  };

  const schedule = () => {
    if (closed || timer !== undefined) return;
    setStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    timer = window.setTimeout(() => {
      timer = undefined;
      connect();
    }, delay);
  };

  const connect = () => {
    if (closed) return;
    const socket = new WebSocket(options.url);
    ws = socket;
    socket.onopen = () => {
      attempt = 0;
      setStatus('open');
      options.onOpen();
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      try {
        const frame = JSON.parse(event.data) as { type?: unknown };
        if (frame && typeof frame.type === 'string') options.onFrame(frame as { type: string } & Record<string, unknown>);
      } catch {
        // A frame that is not JSON is not ours to act on.
      }
    };
    socket.onclose = () => {
      if (ws === socket) ws = undefined;
      schedule();
    };
    socket.onerror = () => socket.close();
  };

  const online = () => {
    if (status === 'open') return;
    window.clearTimeout(timer);
    timer = undefined;
    attempt = 0;
    setStatus('reconnecting');
    connect();
  };
  const offline = () => {
    if (status !== 'open') setStatus('offline');
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  connect();

  return {
    send(frame) {
      if (!ws || ws.readyState !== WebSocket.OPEN) return false;
      ws.send(JSON.stringify(frame));
      return true;
    },
    get status() {
      return status;
    },
    close() {
      closed = true;
      window.clearTimeout(timer);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      ws?.close();
    },
  };
}

/** The station's /ws on the host that served this page. */
export const stationSocketUrl = (): string => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
