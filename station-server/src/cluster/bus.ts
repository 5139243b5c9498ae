// Events that cross station instances: a phone on one instance pairs with and sends to a TV on
// another, and every instance's listeners see what each channel's leader plays. In one process the
// bus is local; in a cluster it is Redis pub/sub. Either way a message reaches every subscriber of
// its topic once, the sender's own instance included, and only after passing its topic's check.
import type { BusMessageError, BusMessages, BusTopic } from './bus-topics.js';

export type { BusMessages, BusTopic } from './bus-topics.js';

/** Why a message was not delivered everywhere, or the bus's connection changed; reported, never thrown. */
export type BusProblem =
  | { code: 'publish-failed'; topic: BusTopic; message: string }
  | { code: 'dropped'; topic: string; reason: BusMessageError }
  | { code: 'handler-failed'; topic: BusTopic; message: string }
  | { code: 'disconnected'; message: string }
  | { code: 'reconnected'; message: string };

/** What publish did. Not ok with `localOnly`: this instance's subscribers got it, other instances did not. */
export type PublishResult = { ok: true } | { ok: false; localOnly: boolean; error: BusMessageError | { code: 'bus-unavailable' | 'closed'; message: string } };

export interface Bus {
  /** `local` or `redis`, for logs and health. */
  readonly kind: string;
  /** Sends a message to every subscriber of `topic`; resolves with what happened, never rejects. */
  publish<T extends BusTopic>(topic: T, message: BusMessages[T]): Promise<PublishResult>;
  /** Calls `handler` with each checked message of `topic`; returns the unsubscribe. */
  subscribe<T extends BusTopic>(topic: T, handler: (message: BusMessages[T]) => void): () => void;
  /** Reports dropped messages, failed publishes and connection changes (for logs and health). */
  onProblem(listener: (problem: BusProblem) => void): () => void;
  close(): Promise<void>;
}
