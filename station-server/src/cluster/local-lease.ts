// The lease of a station that runs alone: it always leads every channel it asks for.
import type { Lease, LeaseChange } from './lease.js';

export class LocalLease implements Lease {
  readonly kind = 'local';
  private readonly held = new Set<string>();
  private readonly listeners = new Set<(change: LeaseChange) => void>();

  private emit(change: LeaseChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  async acquire(channel: string): Promise<boolean> {
    if (!this.held.has(channel)) {
      this.held.add(channel);
      this.emit({ channel, leader: true, reason: 'won' });
    }
    return true;
  }

  async renew(channel: string): Promise<boolean> {
    return this.held.has(channel);
  }

  async release(channel: string): Promise<void> {
    if (this.held.delete(channel)) this.emit({ channel, leader: false, reason: 'released' });
  }

  isLeader(channel: string): boolean {
    return this.held.has(channel);
  }

  onChange(listener: (change: LeaseChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    for (const channel of [...this.held]) await this.release(channel);
  }
}
