// The bus across station instances, on Redis pub/sub. Pub/sub keeps nothing: a message sent while an
// instance is away is not replayed, so what must last goes to the store and the bus only says "look".
// A message reaches this instance's own subscribers at once, so a phone and a TV on the same
// instance keep working while Redis is down; what other instances missed is reported, not thrown.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Bus, BusMessages, BusProblem, BusTopic, PublishResult } from './bus.js';
import { BusDispatch } from './bus-dispatch.js';
import { BUS_TOPICS, decodeBusMessage, encodeBusMessage } from './bus-topics.js';
import { redactRedisUrl, redisErrorDetail } from './redis-url.js';

export interface RedisBusOptions {
  /** REDIS_URL, e.g. redis://127.0.0.1:6379. */
  url: string;
  /** Channel names start with this, so deployments can share a Redis (default `radio:bus:`). */
  prefix?: string;
}

export class RedisBusError extends Error {
  constructor(readonly code: 'bus-unavailable', message: string) {
    super(message);
    this.name = 'RedisBusError';
  }
}

// Reconnect quickly at first, then every 2 s, for as long as it takes.
const retryStrategy = (times: number) => Math.min(100 * times, 2_000);
// A socket that never connected is not kept 2 s (ioredis's default) after close.
const disconnectTimeout = 200;

export class RedisBus implements Bus {
  readonly kind = 'redis';
  private readonly dispatch = new BusDispatch();
  private readonly id = randomUUID();
  private readonly prefix: string;
  private readonly where: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly subscribed: Promise<unknown>;
  private down = false;
  private closed = false;

  constructor(options: RedisBusOptions) {
    this.prefix = options.prefix ?? 'radio:bus:';
    this.where = redactRedisUrl(options.url);
    // Publishing fails at once while Redis is away rather than queueing: the caller hears about it.
    this.pub = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 5_000, retryStrategy, disconnectTimeout });
    this.sub = new Redis(options.url, { autoResubscribe: true, maxRetriesPerRequest: null, retryStrategy, disconnectTimeout });
    for (const client of [this.pub, this.sub]) client.on('error', (error: unknown) => this.lost(error));
    this.sub.on('ready', () => {
      if (!this.down) return;
      this.down = false;
      this.dispatch.report({ code: 'reconnected', message: `the bus is back on Redis at ${this.where}` });
    });
    this.sub.on('messageBuffer', (channel: Buffer, wire: Buffer) => this.received(channel.toString(), wire));
    this.subscribed = this.sub.subscribe(...BUS_TOPICS.map((t) => this.prefix + t)).catch((error: unknown) => error);
  }

  private lost(error: unknown): void {
    if (this.closed || this.down) return;
    this.down = true;
    this.dispatch.report({ code: 'disconnected', message: `the bus lost Redis at ${this.where} (${redisErrorDetail(error)}); reconnecting` });
  }

  /** Resolves once this instance can send and receive; rejects with a one-line error after `timeoutMs` (it keeps trying). */
  async ready(timeoutMs = 10_000): Promise<void> {
    const pubReady = this.pub.status === 'ready' ? Promise.resolve() : new Promise<void>((done) => this.pub.once('ready', () => done()));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new RedisBusError('bus-unavailable', `Redis at ${this.where} did not answer within ${timeoutMs} ms: check REDIS_URL and that Redis is running`)), timeoutMs);
    });
    try {
      await Promise.race([Promise.all([pubReady, this.subscribed]), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private received(channel: string, wire: Buffer): void {
    if (!channel.startsWith(this.prefix)) return;
    const topic = channel.slice(this.prefix.length) as BusTopic;
    const decoded = decodeBusMessage(topic, wire);
    if (!decoded.ok) return this.dispatch.report({ code: 'dropped', topic, reason: decoded.error });
    // This instance's own messages were delivered when they were sent.
    if (decoded.from === this.id) return;
    this.dispatch.deliver(topic, decoded.message);
  }

  async publish<T extends BusTopic>(topic: T, message: BusMessages[T]): Promise<PublishResult> {
    if (this.closed) return { ok: false, localOnly: false, error: { code: 'closed', message: 'the bus is closed' } };
    const encoded = encodeBusMessage(topic, message, this.id);
    if (!encoded.ok) return { ok: false, localOnly: false, error: encoded.error };
    const decoded = decodeBusMessage(topic, encoded.wire);
    if (!decoded.ok) return { ok: false, localOnly: false, error: decoded.error };
    queueMicrotask(() => this.dispatch.deliver(topic, decoded.message));
    try {
      await this.pub.publish(this.prefix + topic, encoded.wire);
      return { ok: true };
    } catch (error) {
      const line = `a ${topic} message reached only this instance: Redis at ${this.where} is unavailable (${redisErrorDetail(error)})`;
      this.dispatch.report({ code: 'publish-failed', topic, message: line });
      return { ok: false, localOnly: true, error: { code: 'bus-unavailable', message: line } };
    }
  }

  subscribe<T extends BusTopic>(topic: T, handler: (message: BusMessages[T]) => void): () => void {
    return this.dispatch.subscribe(topic, handler);
  }

  onProblem(listener: (problem: BusProblem) => void): () => void {
    return this.dispatch.onProblem(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.dispatch.clear();
    await Promise.all(
      [this.pub, this.sub].map(async (client) => {
        try {
          if (client.status === 'ready') await client.quit();
          else client.disconnect();
        } catch {
          client.disconnect();
        }
      }),
    );
  }
}
