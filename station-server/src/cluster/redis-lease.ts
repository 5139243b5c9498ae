// Playout leases in Redis: SET NX PX to win, a compare-and-pexpire to renew, a compare-and-del to
// release. The holder steps down on its own before its lease could expire in Redis (it counts from
// when it sent its last successful renewal), so a leader cut off from Redis stops before anyone can
// take over. One that wins a lease it cannot explain (it saw it held and not yet due to expire, or saw
// nothing at all) may be looking at a Redis that lost a live leader's key: it holds the lease as
// "settling" for a full ttl before leading, during which a live leader takes it back on its next renewal
// and keeps leading, and a leader cut off from Redis has stepped down by the end of it.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { Lease, LeaseChange, LeaseChangeReason } from './lease.js';
import { ACQUIRE, PROMOTE, RELEASE, RENEW } from './redis-lease-scripts.js';

export interface RedisLeaseOptions {
  /** REDIS_URL. */
  url: string;
  /** How long a lease lasts unrenewed (default 6 s). */
  ttlMs?: number;
  /** How often the holder renews and the others retry (default 2 s): a dead leader is replaced within ttl + renew. */
  renewMs?: number;
  /** Key names start with this (default `radio:lease:`). */
  prefix?: string;
  /** Who this instance is, as stored in the lease (default host:pid:random). */
  holder?: string;
  /** Wait a ttl before leading after winning a lease never seen held (default true): Redis may have lost a live leader's key. */
  settleOnFirstWin?: boolean;
}

type Seen = { kind: 'nothing' } | { kind: 'held'; until: number } | { kind: 'unknown' };

interface Claim {
  status: 'contending' | 'settling' | 'leading';
  seen: Seen;
  timer?: NodeJS.Timeout;
  deadline?: NodeJS.Timeout;
  settle?: NodeJS.Timeout;
  /** When a settling holder may lead (performance.now() time). */
  settleAt?: number;
  round?: Promise<void>;
}

const CHANNEL = /^[a-z0-9][a-z0-9-]{0,39}$/;

export class RedisLease implements Lease {
  readonly kind = 'redis';
  readonly holder: string;
  private readonly ttl: number;
  private readonly every: number;
  /** Stepping down this long before Redis would expire the lease covers clock-rate drift between us and Redis. */
  private readonly margin: number;
  private readonly prefix: string;
  private readonly settleOnFirstWin: boolean;
  private readonly redis: Redis;
  private readonly claims = new Map<string, Claim>();
  private readonly listeners = new Set<(change: LeaseChange) => void>();
  private closed = false;

  constructor(options: RedisLeaseOptions) {
    this.ttl = options.ttlMs ?? 6_000;
    this.every = options.renewMs ?? 2_000;
    if (!(Number.isInteger(this.ttl) && this.ttl >= 100)) throw new RangeError(`a lease ttl is a whole number of ms, at least 100, not ${this.ttl}`);
    if (!(Number.isInteger(this.every) && this.every >= 10 && this.every * 2 < this.ttl)) throw new RangeError(`a lease is renewed more than twice per ttl (${this.ttl} ms), so renewMs ${this.every} is too long`);
    this.margin = Math.min(1_000, Math.floor(this.ttl / 6));
    this.prefix = options.prefix ?? 'radio:lease:';
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.settleOnFirstWin = options.settleOnFirstWin ?? true;
    // Fail fast while Redis is away: a renewal that cannot be sent now is no use later.
    this.redis = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: Math.max(this.every, 500),
      retryStrategy: (times: number) => Math.min(100 * times, this.every),
      disconnectTimeout: 200,
    });
    // Connection errors show as failed rounds; the event itself needs a listener or ioredis logs it.
    this.redis.on('error', () => undefined);
  }

  /** Waits up to `ms` for the connection, so a first try right after start-up is not wasted. */
  private async connected(ms: number): Promise<void> {
    if (this.redis.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    let onReady: (() => void) | undefined;
    await new Promise<void>((done) => {
      onReady = done;
      this.redis.once('ready', onReady);
      timer = setTimeout(done, ms);
    });
    clearTimeout(timer);
    this.redis.off('ready', onReady!);
  }

  private keys(channel: string): [string, string] {
    return [`${this.prefix}${channel}`, `${this.prefix}${channel}:released`];
  }

  private emit(channel: string, leader: boolean, reason: LeaseChangeReason): void {
    for (const listener of [...this.listeners]) {
      try {
        listener({ channel, leader, reason });
      } catch {
        // A listener's failure does not change who leads.
      }
    }
  }

  async acquire(channel: string): Promise<boolean> {
    if (!CHANNEL.test(channel)) throw new RangeError(`a channel id is lowercase letters, digits and dashes, not "${channel.slice(0, 40)}"`);
    if (this.closed) return false;
    let claim = this.claims.get(channel);
    if (!claim) {
      claim = { status: 'contending', seen: { kind: 'nothing' } };
      this.claims.set(channel, claim);
      await this.connected(this.ttl);
      if (this.claims.get(channel) !== claim) return false;
      await this.runRound(channel, claim);
    } else if (claim.round) await claim.round;
    return this.isLeader(channel);
  }

  async renew(channel: string): Promise<boolean> {
    const claim = this.claims.get(channel);
    if (!claim) return false;
    if (claim.round) await claim.round;
    else await this.runRound(channel, claim);
    return this.isLeader(channel);
  }

  isLeader(channel: string): boolean {
    return this.claims.get(channel)?.status === 'leading';
  }

  onChange(listener: (change: LeaseChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** One attempt or renewal, then the next is scheduled; never two at once for a channel. */
  private runRound(channel: string, claim: Claim): Promise<void> {
    clearTimeout(claim.timer);
    const round = (claim.status === 'contending' ? this.attempt(channel, claim) : this.extend(channel, claim)).finally(() => {
      claim.round = undefined;
      if (this.claims.get(channel) === claim && !this.closed) claim.timer = setTimeout(() => void this.runRound(channel, claim), this.every);
    });
    claim.round = round;
    return round;
  }

  private async attempt(channel: string, claim: Claim): Promise<void> {
    const sent = performance.now();
    const explained = (claim.seen.kind === 'held' && sent >= claim.seen.until) || (claim.seen.kind === 'nothing' && !this.settleOnFirstWin);
    let reply: [number, number];
    try {
      reply = (await this.redis.eval(ACQUIRE, 2, ...this.keys(channel), this.holder, this.ttl, explained ? 1 : 0)) as [number, number];
    } catch {
      claim.seen = { kind: 'unknown' };
      return;
    }
    if (this.claims.get(channel) !== claim) return;
    const [outcome, detail] = reply;
    if (outcome === 0) {
      // detail is the holder's remaining ms (-1: no expiry, -2: gone since; both: assume a full ttl).
      claim.seen = { kind: 'held', until: performance.now() + (detail > 0 ? detail : this.ttl) };
      return;
    }
    this.holding(channel, claim, sent);
    if (outcome === 1) return this.lead(channel, claim, detail === 1 ? 'handed-over' : 'won');
    claim.status = 'settling';
    // Whoever led before the lease vanished sent its last renewal before `sent`, so it has stepped down by sent + ttl.
    claim.settleAt = sent + this.ttl;
    claim.settle = setTimeout(() => {
      if (this.claims.get(channel) === claim && claim.status === 'settling' && !claim.round) void this.runRound(channel, claim);
    }, Math.max(0, claim.settleAt - performance.now()));
  }

  private async extend(channel: string, claim: Claim): Promise<void> {
    const sent = performance.now();
    const promote = claim.status === 'settling' && sent >= (claim.settleAt ?? Infinity);
    const key = this.keys(channel)[0];
    let reply: number;
    try {
      if (promote) reply = (await this.redis.eval(PROMOTE, 1, key, this.holder, this.ttl)) as number;
      else reply = (await this.redis.eval(RENEW, 1, key, claim.status === 'leading' ? this.holder : `settling:${this.holder}`, this.ttl, claim.status === 'leading' ? 1 : 0)) as number;
    } catch {
      return; // the deadline steps down if this goes on
    }
    if (this.claims.get(channel) !== claim || claim.status === 'contending') return;
    if (reply === 0) return this.stepDown(channel, claim, 'lost');
    this.holding(channel, claim, sent);
    if (promote) this.lead(channel, claim, 'settled');
  }

  /** The lease is ours as of `sent`: hold it until just before it would expire unrenewed. */
  private holding(channel: string, claim: Claim, sent: number): void {
    clearTimeout(claim.deadline);
    claim.deadline = setTimeout(() => {
      if (this.claims.get(channel) === claim && claim.status !== 'contending') this.stepDown(channel, claim, 'expired');
    }, Math.max(0, sent + this.ttl - this.margin - performance.now()));
  }

  private lead(channel: string, claim: Claim, reason: LeaseChangeReason): void {
    if (claim.status === 'leading') return;
    claim.status = 'leading';
    this.emit(channel, true, reason);
  }

  private stepDown(channel: string, claim: Claim, reason: LeaseChangeReason): void {
    const wasLeading = claim.status === 'leading';
    claim.status = 'contending';
    // Whatever happened, we no longer know who holds it: a later win waits a ttl.
    claim.seen = { kind: 'unknown' };
    clearTimeout(claim.deadline);
    clearTimeout(claim.settle);
    if (wasLeading) this.emit(channel, false, reason);
  }

  async release(channel: string): Promise<void> {
    const claim = this.claims.get(channel);
    if (!claim) return;
    this.claims.delete(channel);
    clearTimeout(claim.timer);
    // Stop leading before anyone else can start.
    this.stepDown(channel, claim, 'released');
    // An attempt in flight may still win in Redis: let it land, then free whatever is ours.
    if (claim.round) await claim.round.catch(() => undefined);
    try {
      await this.redis.eval(RELEASE, 2, ...this.keys(channel), this.holder, this.ttl);
    } catch {
      // Unreachable: the lease expires on its own within a ttl.
    }
  }

  /** Releases every lease, then closes the connection. */
  async close(): Promise<void> {
    for (const channel of [...this.claims.keys()]) await this.release(channel);
    this.closed = true;
    try {
      if (this.redis.status === 'ready') await this.redis.quit();
      else this.redis.disconnect();
    } catch {
      this.redis.disconnect();
    }
  }

  /** Stops everything without releasing, as a crash would: the lease runs out in Redis on its own. For tests and forced exits. */
  destroy(): void {
    this.closed = true;
    for (const claim of this.claims.values()) {
      clearTimeout(claim.timer);
      clearTimeout(claim.deadline);
      clearTimeout(claim.settle);
    }
    this.claims.clear();
    this.redis.disconnect();
  }
}
