// The bus of a station that runs alone (the default): subscribers in this process. Messages still
// go through the wire check, so what works here works across instances too.
import { randomUUID } from 'node:crypto';
import type { Bus, BusMessages, BusProblem, BusTopic, PublishResult } from './bus.js';
import { BusDispatch } from './bus-dispatch.js';
import { decodeBusMessage, encodeBusMessage } from './bus-topics.js';

export class LocalBus implements Bus {
  readonly kind = 'local';
  private readonly dispatch = new BusDispatch();
  private readonly id = randomUUID();
  private closed = false;

  async publish<T extends BusTopic>(topic: T, message: BusMessages[T]): Promise<PublishResult> {
    if (this.closed) return { ok: false, localOnly: false, error: { code: 'closed', message: 'the bus is closed' } };
    const encoded = encodeBusMessage(topic, message, this.id);
    if (!encoded.ok) return { ok: false, localOnly: false, error: encoded.error };
    const decoded = decodeBusMessage(topic, encoded.wire);
    if (!decoded.ok) return { ok: false, localOnly: false, error: decoded.error };
    // Delivered after the caller's turn, as a networked bus would, so no caller relies on it being synchronous.
    queueMicrotask(() => this.dispatch.deliver(topic, decoded.message));
    return { ok: true };
  }

  subscribe<T extends BusTopic>(topic: T, handler: (message: BusMessages[T]) => void): () => void {
    return this.dispatch.subscribe(topic, handler);
  }

  onProblem(listener: (problem: BusProblem) => void): () => void {
    return this.dispatch.onProblem(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.dispatch.clear();
  }
}
