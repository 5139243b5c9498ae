// The console's webhooks (admins: `manage-webhooks`): register a receiver for some events, in the
// station's JSON or Discord's format; its secret is answered once, at registration, and never again.
// The delivery log is paged like every list. Every change goes into the audit log (without the secret).
import { Router } from 'express';
import { WEBHOOK_EVENTS, type DeliveryRecord, type Store, type WebhookEventName, type WebhookRecord } from '../library/store.js';
import { LibraryError } from '../library/library-error.js';
import { checkWebhookUrl } from '../webhooks/webhook-url.js';
import { newSecret } from '../webhooks/webhook-body.js';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import { operatorOf, type OperatorAccess } from './operator-access.js';
import { nextPageUrl, pageParams } from './page-params.js';

/** Receivers a station keeps at most (each event is one stored delivery per receiver). */
export const MAX_WEBHOOKS = 20;
const ID = /^wh[A-Za-z0-9_-]{4,40}$/;

type Parsed = { ok: true; url: string; events: WebhookEventName[]; format: 'json' | 'discord' } | { ok: false; code: string; message: string };

function parseHook(body: unknown): Parsed {
  const b = (body ?? {}) as { url?: unknown; events?: unknown; format?: unknown };
  const url = checkWebhookUrl(b.url);
  if (!url.ok) return { ok: false, code: 'bad-url', message: url.message };
  const events = b.events;
  if (!Array.isArray(events) || events.length === 0 || events.some((e) => !(WEBHOOK_EVENTS as readonly unknown[]).includes(e))) {
    return { ok: false, code: 'bad-events', message: `events must be a list of one or more of ${WEBHOOK_EVENTS.join(', ')}` };
  }
  const format = b.format ?? 'json';
  if (format !== 'json' && format !== 'discord') return { ok: false, code: 'bad-format', message: 'format must be "json" or "discord"' };
  return { ok: true, url: url.url, events: [...new Set(events as WebhookEventName[])], format };
}

/** A receiver as the console sees it: never its secret. */
export const hookView = ({ secret: _secret, ...hook }: WebhookRecord) => hook;
/** The channel a delivery is about, from its JSON body (Discord's bodies say it in their words). */
const channelOf = (body: string): string | null => {
  try {
    const channel = (JSON.parse(body) as { data?: { channel?: unknown } }).data?.channel;
    return typeof channel === 'string' ? channel : null;
  } catch {
    return null;
  }
};
const deliveryView = (d: DeliveryRecord) => ({ id: d.id, hookId: d.hookId, event: d.event, channel: channelOf(d.body), status: d.status, attempts: d.attempts, nextAt: d.status === 'pending' ? new Date(d.nextAtMs).toISOString() : null, lastStatus: d.lastStatus, lastError: d.lastError, createdAt: d.createdAt });

export function webhookRoutes(store: Store, dispatcher: WebhookDispatcher, access: OperatorAccess): Router {
  const router = Router();
  const need = access.need('manage-webhooks');
  const refuse = (res: Parameters<Parameters<typeof router.get>[1]>[1], status: number, code: string, message: string) => void res.status(status).json({ error: { code, message } });

  router.get('/api/v1/webhooks', need, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ events: WEBHOOK_EVENTS, hooks: (await store.webhooks.list()).map(hookView) });
  });

  router.post('/api/v1/webhooks', need, async (req, res) => {
    const parsed = parseHook(req.body);
    if (!parsed.ok) return refuse(res, 400, parsed.code, parsed.message);
    if ((await store.webhooks.list()).length >= MAX_WEBHOOKS) return refuse(res, 409, 'too-many', `a station keeps at most ${MAX_WEBHOOKS} webhooks: remove one first`);
    const hook = await store.webhooks.add({ url: parsed.url, events: parsed.events, format: parsed.format, secret: newSecret(), createdBy: operatorOf(res).name });
    await store.operators.audit({ actor: operatorOf(res).name, action: 'webhook.add', target: hook.id, after: hookView(hook) });
    res.status(201).set('Cache-Control', 'no-store').json({ hook: hookView(hook), secret: hook.secret });
  });

  router.delete('/api/v1/webhooks/:id', need, async (req, res) => {
    const id = String(req.params.id);
    const gone = ID.test(id) ? await store.webhooks.remove(id) : undefined;
    if (!gone) return refuse(res, 404, 'not-found', 'no webhook with that id');
    await store.operators.audit({ actor: operatorOf(res).name, action: 'webhook.remove', target: id, before: hookView(gone) });
    res.json({ removed: id });
  });

  router.post('/api/v1/webhooks/:id/test', need, async (req, res) => {
    const id = String(req.params.id);
    const hook = ID.test(id) ? await store.webhooks.get(id) : undefined;
    if (!hook) return refuse(res, 404, 'not-found', 'no webhook with that id');
    res.status(202).json(deliveryView(await dispatcher.ping(hook, operatorOf(res).name)));
  });

  router.get('/api/v1/webhooks/deliveries', need, async (req, res) => {
    const page = pageParams(req.query);
    if (!page.ok) return refuse(res, 400, page.code, page.message);
    const hook = req.query.hook;
    if (hook !== undefined && (typeof hook !== 'string' || !ID.test(hook))) return refuse(res, 400, 'bad-hook', 'hook must be a webhook id from GET /api/v1/webhooks');
    try {
      const found = await store.webhooks.deliveries({ limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) }, hook);
      if (found.next) res.set('Link', `<${nextPageUrl(req, found.next)}>; rel="next"`);
      res.set('Cache-Control', 'no-store').json(found.items.map(deliveryView));
    } catch (error) {
      if (error instanceof LibraryError && error.code === 'bad-cursor') return refuse(res, 400, error.code, error.message);
      throw error;
    }
  });
  return router;
}
