// One attempt to hand a body to a receiver: a POST with the signature, bounded by a timeout so a slow
// or hanging receiver costs the station one timer, never a stall. Redirects are not followed (the
// address registered is the one that gets the body).
import type { DeliveryRecord, WebhookRecord } from '../library/store.js';
import { EVENT_HEADER, SIGNATURE_HEADER, sign } from './webhook-body.js';

export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

const USER_AGENT = 'RadioOptimism-Webhooks/1';

/** `stop` ends the attempt early (the station shutting down). */
export async function sendDelivery(hook: Pick<WebhookRecord, 'url' | 'secret'>, delivery: Pick<DeliveryRecord, 'id' | 'event' | 'body'>, timeoutMs: number, stop?: AbortSignal): Promise<SendResult> {
  try {
    const res = await fetch(hook.url, {
      method: 'POST',
      redirect: 'manual',
      signal: stop ? AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]) : AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        [SIGNATURE_HEADER]: sign(hook.secret, delivery.body),
        [EVENT_HEADER]: delivery.event,
        'X-Radio-Optimism-Delivery': delivery.id,
      },
      body: delivery.body,
    });
    // The answer's body is not needed; dropping it frees the connection.
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    return { ok: false, status: res.status, error: `the receiver answered ${res.status}${res.status >= 300 && res.status < 400 ? ' (a redirect: register the final address)' : ''}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, status: null, error: `no answer within ${+(timeoutMs / 1000).toFixed(1)} s` };
    return { ok: false, status: null, error: `could not reach the receiver: ${e.cause?.code ?? e.cause?.message ?? e.message}` };
  }
}
