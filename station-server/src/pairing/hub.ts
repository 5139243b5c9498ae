// The WebSocket hub on /ws: the only holder of sockets. Every frame is validated before dispatch;
// now-playing changes are pushed to the sockets subscribed to that channel.
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkClientFrame, MAX_FRAME_BYTES, ServerMessage, type ErrorFrame } from '@radio-optimism/shared';

export interface HubDeps {
  server: Server;
  /** Whether a channel exists. */
  hasChannel(id: string): boolean;
  /** The now-playing view of a channel, sent on subscribe. */
  now(channel: string): unknown;
}

export interface Hub {
  /** Sends a channel's now playing to every socket subscribed to it. */
  publishNow(channel: string, now: unknown): void;
  clients(): number;
  destroy(): Promise<void>;
}

export function createHub(deps: HubDeps): Hub {
  const wss = new WebSocketServer({ server: deps.server, path: '/ws', maxPayload: MAX_FRAME_BYTES * 2 });
  const subscriptions = new Map<WebSocket, Set<string>>();
  const send = (ws: WebSocket, frame: object) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const sendError = (ws: WebSocket, error: Omit<ErrorFrame, 'type'>) => send(ws, { type: ServerMessage.Error, ...error });

  wss.on('connection', (ws) => {
    subscriptions.set(ws, new Set());
    ws.on('message', (data, isBinary) => {
      if (isBinary) return sendError(ws, { code: 'bad-frame', message: 'frames are JSON text' });
      const checked = checkClientFrame(data as Buffer);
      if (!checked.ok) return send(ws, checked.error);
      const frame = checked.frame;
      switch (frame.type) {
        case 'channel.subscribe':
          if (!deps.hasChannel(frame.channel)) return sendError(ws, { code: 'unknown-channel', message: `no channel "${frame.channel}"` });
          subscriptions.get(ws)?.add(frame.channel);
          send(ws, { type: ServerMessage.Now, ...(deps.now(frame.channel) as object) });
          return;
        default:
          return sendError(ws, { code: 'unknown-type', message: `${frame.type} is not available yet on this station` });
      }
    });
    ws.on('close', () => subscriptions.delete(ws));
    ws.on('error', () => subscriptions.delete(ws));
  });

  return {
    publishNow(channel, now) {
      const frame = JSON.stringify({ type: ServerMessage.Now, ...(now as object) });
      for (const [ws, channels] of subscriptions) if (channels.has(channel) && ws.readyState === ws.OPEN) ws.send(frame);
    },
    clients: () => subscriptions.size,
    async destroy() {
      for (const ws of subscriptions.keys()) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
