// Who plays out a channel: exactly one instance at a time holds its lease. The leader writes the
// channel's timeline; the others serve it from the store, and one of them takes over when the leader
// stops renewing. A station alone always leads (local-lease.ts); a cluster leases through Redis.

/** Why leadership changed, for logs. */
export type LeaseChangeReason =
  /** Won a lease nobody held, or one whose holder's time ran out. */
  | 'won'
  /** The holder released it. */
  | 'handed-over'
  /** Won it without knowing why it was free (e.g. Redis lost its data), then waited a full ttl so an old holder has surely stopped. */
  | 'settled'
  /** Someone else holds it now. */
  | 'lost'
  /** Could not renew in time (Redis unreachable): stepped down before the lease could expire. */
  | 'expired'
  | 'released';

export interface LeaseChange {
  channel: string;
  leader: boolean;
  reason: LeaseChangeReason;
}

export interface Lease {
  /** `local` or `redis`, for logs and health. */
  readonly kind: string;
  /** Starts contending for `channel` (and keeps renewing or retrying on its own); resolves with isLeader after the first try. */
  acquire(channel: string): Promise<boolean>;
  /** Renews (or retries) `channel` now rather than at the next tick; resolves with isLeader. */
  renew(channel: string): Promise<boolean>;
  /** Stops contending; a leader steps down first, then frees the lease so another takes over at once. */
  release(channel: string): Promise<void>;
  /** Whether this instance may play out `channel` right now. */
  isLeader(channel: string): boolean;
  /** Calls `listener` whenever this instance starts or stops leading a channel; returns the unsubscribe. */
  onChange(listener: (change: LeaseChange) => void): () => void;
  /** Releases every lease and lets go of the connection. */
  close(): Promise<void>;
}
