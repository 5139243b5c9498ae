// Webhook deliveries: an event becomes one stored delivery per receiver that asked for it; a timer
// claims due ones from the store (at most `concurrency` in flight, each bounded by a timeout) and
// retries failures with exponential backoff up to `maxAttempts`. Because deliveries live in the store,
// a restart (or another instance) picks up what was due; nothing here ever waits on a receiver in the
// station's path: notify() only writes rows.
import cron from 'node-cron';
import type { DeliveryRecord, WebhookEventName, WebhookRecord, WebhookStore } from '../library/store.js';
import { webhookBody, type WebhookEventData } from './webhook-body.js';
import { sendDelivery } from './webhook-send.js';

export interface WebhookOptions {
  /** One attempt's limit (default 10 s). */
  timeoutMs?: number;
  /** Deliveries in flight at once (default 4). */
  concurrency?: number;
  /** Attempts before a delivery is given up as failed (default 8: over about 2 h with the defaults). */
  maxAttempts?: number;
  /** The wait after the first failure, doubled after each (default 30 s). */
  backoffMs?: number;
  /** The longest wait between attempts (default 1 h). */
  maxBackoffMs?: number;
  /** When due deliveries are looked for: a node-cron expression with seconds (default every 5 s). */
  retryCron?: string;
  /** Finished deliveries kept in the log this long (default 30 days); an hourly job forgets older ones. */
  keepLogMs?: number;
  now?: () => number;
}

export interface WebhookDispatcher {
  /** Stores a delivery for every receiver of `event` and starts them; never throws (failures are logged). */
  notify<E extends WebhookEventName>(event: E, data: WebhookEventData[E]): Promise<void>;
  /** Sends `hook` a `ping` (the console's "send a test"), as a delivery like any other. */
  ping(hook: WebhookRecord, by: string): Promise<DeliveryRecord>;
  /** Looks for due deliveries now (node-cron does this on `retryCron`). */
  tick(): Promise<void>;
  /** Resolves when no attempt is in flight (for tests and shutdown). */
  idle(): Promise<void>;
  destroy(): Promise<void>;
}

export const WEBHOOK_DEFAULTS = { timeoutMs: 10_000, concurrency: 4, maxAttempts: 8, backoffMs: 30_000, maxBackoffMs: 3_600_000, retryCron: '*/5 * * * * *', keepLogMs: 30 * 86_400_000 } as const;

/** The wait before attempt `attempts + 1`, after `attempts` failed ones. */
export const backoffAfter = (attempts: number, baseMs: number, maxMs: number): number => Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));

const ERROR_MAX = 300;

export function createWebhookDispatcher(store: WebhookStore, log: (line: string) => void, options: WebhookOptions = {}): WebhookDispatcher {
  const o = { ...WEBHOOK_DEFAULTS, ...options };
  const now = options.now ?? Date.now;
  let running = 0;
  let claiming = false;
  let again = false;
  let destroyed = false;
  // Attempts in flight end when the station stops; their deliveries stay held, then due again.
  const stopping = new AbortController();
  const waiters: (() => void)[] = [];
  const settleWaiters = () => {
    if (running === 0 && !claiming) for (const w of waiters.splice(0)) w();
  };
  const said = (what: string, error: unknown) => log(`webhooks: ${what}: ${error instanceof Error ? error.message : String(error)}`);

  async function attempt(d: DeliveryRecord): Promise<void> {
    const hook = await store.get(d.hookId);
    const attempts = d.attempts + 1;
    if (!hook) return store.settle(d.id, { status: 'failed', attempts, nextAtMs: now(), lastStatus: null, lastError: 'the receiver was removed' });
    const result = await sendDelivery(hook, d, o.timeoutMs, stopping.signal);
    if (destroyed) return; // cut short by shutdown: not counted, tried again after the next start
    if (result.ok) return store.settle(d.id, { status: 'delivered', attempts, nextAtMs: now(), lastStatus: result.status, lastError: null });
    const last = attempts >= o.maxAttempts;
    if (last) log(`webhooks: ${d.event} to ${new URL(hook.url).host} given up after ${attempts} attempts: ${result.error}`);
    await store.settle(d.id, {
      status: last ? 'failed' : 'pending',
      attempts,
      nextAtMs: last ? now() : now() + backoffAfter(attempts, o.backoffMs, o.maxBackoffMs),
      lastStatus: result.status,
      lastError: result.error.slice(0, ERROR_MAX),
    });
  }

  async function tick(): Promise<void> {
    if (destroyed) return;
    if (claiming) {
      again = true;
      return;
    }
    claiming = true;
    try {
      do {
        again = false;
        const free = o.concurrency - running;
        if (free <= 0) break;
        const at = now();
        // Held past one attempt's timeout, so a claim is never taken twice while it is tried; a
        // process killed mid-attempt leaves it due again once the hold ends.
        const due = await store.claimDue(at, free, at + o.timeoutMs + 5_000);
        for (const d of due) {
          running++;
          void attempt(d)
            .catch((error: unknown) => said(`recording delivery ${d.id}`, error))
            .finally(() => {
              running--;
              if (!destroyed) void tick();
              settleWaiters();
            });
        }
        if (due.length === free) again = true;
      } while (again && !destroyed && running < o.concurrency);
    } catch (error) {
      said('looking for due deliveries', error);
    } finally {
      claiming = false;
      settleWaiters();
    }
  }

  // Retries run on node-cron like the station's other periodic work (registered here, stopped in destroy()).
  const retries = cron.schedule(o.retryCron, () => tick(), { name: 'webhook-retries', noOverlap: true });
  const prune = cron.schedule('23 * * * *', async () => {
    const gone = await store.prune(new Date(now() - o.keepLogMs).toISOString()).catch((error: unknown) => (said('forgetting old deliveries', error), 0));
    if (gone) log(`webhooks: forgot ${gone} deliveries older than ${Math.round(o.keepLogMs / 86_400_000)} days`);
  }, { name: 'webhook-log-prune', noOverlap: true });

  return {
    async notify(event, data) {
      if (destroyed) return;
      try {
        const hooks = (await store.list()).filter((h) => h.events.includes(event));
        if (!hooks.length) return;
        const at = new Date(now());
        for (const h of hooks) await store.enqueue(h.id, event, webhookBody(h, event, data, at), at.getTime());
      } catch (error) {
        return said(`storing ${event}`, error);
      }
      await tick();
    },
    async ping(hook, by) {
      const at = new Date(now());
      const body = hook.format === 'discord' ? JSON.stringify({ content: `👋 A test from Radio Optimism, sent by ${by}` }) : JSON.stringify({ event: 'ping', at: at.toISOString(), data: { by } });
      const d = await store.enqueue(hook.id, 'ping', body, at.getTime());
      void tick();
      return d;
    },
    tick,
    idle: () => (running === 0 && !claiming ? Promise.resolve() : new Promise<void>((done) => waiters.push(done))),
    async destroy() {
      destroyed = true;
      stopping.abort();
      await retries.destroy();
      await prune.destroy();
    },
  };
}
