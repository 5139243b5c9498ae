// What a receiver is sent for an event: the station's JSON (event, time, data), or a Discord-style
// `{content}` line; and the signature over the exact bytes, HMAC-SHA256 with the receiver's secret.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { WebhookEventName, WebhookRecord } from '../library/store.js';

/** The header carrying `sha256=<hex>` of the body. */
export const SIGNATURE_HEADER = 'X-Radio-Optimism-Signature';
/** The header naming the event, so a receiver can route before parsing. */
export const EVENT_HEADER = 'X-Radio-Optimism-Event';

export interface WebhookEventData {
  'song.changed': { channel: string; songId: string; title: string; startedAt: string };
  'dedication.pending': { dedicationId: string; songId: string | null; to: string; from: string | null; message: string };
  'dedication.aired': { channel: string; songId: string; title: string; startedAt: string };
  'station.silent': { channel: string; since: string };
}

/** A new secret: 256 bits, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const sign = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** Whether `signature` is this body's under `secret` (for receivers and tests), in constant time. */
export function verify(secret: string, body: string, signature: string | undefined): boolean {
  const want = Buffer.from(sign(secret, body));
  const got = Buffer.from(signature ?? '');
  return got.length === want.length && timingSafeEqual(got, want);
}

const clip = (text: string, max: number) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

function discordLine<E extends WebhookEventName>(event: E, data: WebhookEventData[E]): string {
  switch (event) {
    case 'song.changed': {
      const d = data as WebhookEventData['song.changed'];
      return `🎵 Now on ${d.channel}: ${d.title}`;
    }
    case 'dedication.aired': {
      const d = data as WebhookEventData['dedication.aired'];
      return `💌 A dedication is on air on ${d.channel}: ${d.title}`;
    }
    case 'dedication.pending': {
      const d = data as WebhookEventData['dedication.pending'];
      return `📝 A dedication to ${d.to} waits for an operator: "${clip(d.message, 200)}"`;
    }
    default: {
      const d = data as WebhookEventData['station.silent'];
      return `🔇 ${d.channel} has nothing on air since ${d.since}`;
    }
  }
}

/** The body sent to `hook` for an event (the same bytes on every retry). */
export function webhookBody<E extends WebhookEventName>(hook: Pick<WebhookRecord, 'format'>, event: E, data: WebhookEventData[E], at: Date): string {
  if (hook.format === 'discord') return JSON.stringify({ content: clip(discordLine(event, data), 2000) });
  return JSON.stringify({ event, at: at.toISOString(), data });
}
