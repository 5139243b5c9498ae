// Budgets of WebSocket frames, per socket and per address, for each frame type (and for frames that
// fail validation). A socket past either budget is closed: an honest TV or phone sends a handful of
// frames a minute, and one flooding client must not cost every listener its stream.
import type { ClientFrame } from '@radio-optimism/shared';

export type FrameKind = ClientFrame['type'] | 'invalid';

/** Frames per minute, for one socket and for all sockets of one address (see address-key.ts). */
export interface FrameBudget {
  perSocket: number;
  perAddress: number;
}

export type FrameBudgets = Record<FrameKind, FrameBudget>;

/** Defaults with room for a household (several TVs and phones) behind one address. */
export const DEFAULT_FRAME_BUDGETS: FrameBudgets = {
  'channel.subscribe': { perSocket: 20, perAddress: 120 },
  'tv.hello': { perSocket: 6, perAddress: 30 },
  'tv.unpair': { perSocket: 20, perAddress: 60 },
  // Once per dedication a TV starts playing.
  'tv.playing': { perSocket: 20, perAddress: 60 },
  'phone.pair': { perSocket: 12, perAddress: 30 },
  'phone.resume': { perSocket: 6, perAddress: 60 },
  'phone.leave': { perSocket: 6, perAddress: 30 },
  'dedication.create': { perSocket: 10, perAddress: 30 },
  // A draft costs the composer's process tens of milliseconds; a sender may ask again after each edit of the form.
  'lyrics.draft': { perSocket: 20, perAddress: 60 },
  'take.create': { perSocket: 10, perAddress: 30 },
  'take.another': { perSocket: 10, perAddress: 30 },
  'take.send': { perSocket: 10, perAddress: 30 },
  ping: { perSocket: 120, perAddress: 600 },
  invalid: { perSocket: 10, perAddress: 60 },
};

const WINDOW_MS = 60_000;

interface Window {
  start: number;
  counts: Map<FrameKind, number>;
}

export interface FrameMeter {
  /** A fresh per-socket meter. */
  socket(): Window;
  /** Counts one frame; the budget it broke, or undefined while within both. */
  charge(socket: Window, address: string, kind: FrameKind): 'socket' | 'address' | undefined;
}

export function createFrameMeter(budgets: FrameBudgets, now: () => number = Date.now): FrameMeter {
  const addresses = new Map<string, Window>();
  const fresh = (): Window => ({ start: now(), counts: new Map() });
  const count = (w: Window, kind: FrameKind): number => {
    const at = now();
    if (at - w.start >= WINDOW_MS) {
      w.start = at;
      w.counts.clear();
    }
    const n = (w.counts.get(kind) ?? 0) + 1;
    w.counts.set(kind, n);
    return n;
  };
  return {
    socket: fresh,
    charge(socket, address, kind) {
      const budget = budgets[kind];
      if (count(socket, kind) > budget.perSocket) return 'socket';
      let w = addresses.get(address);
      if (!w) {
        // Forget addresses idle for a window before the map grows past what a busy station holds.
        if (addresses.size >= 10_000) for (const [k, v] of addresses) if (now() - v.start >= WINDOW_MS) addresses.delete(k);
        w = fresh();
        addresses.set(address, w);
      }
      return count(w, kind) > budget.perAddress ? 'address' : undefined;
    },
  };
}
