// What station instances tell each other, typed per topic and checked on receipt: another instance
// is trusted no more than the network between them, and a bad message is dropped, not dispatched.
import { z } from 'zod';
import { DEDICATION_STAGES, ServerMessage } from '@radio-optimism/shared';

/** A message's bytes on the wire are at most this; larger ones are refused when sent and dropped when received. */
export const MAX_BUS_MESSAGE_BYTES = 16 * 1024;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, "_" and "-"');
const channelId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'channel ids are lowercase letters, digits and dashes');
const serverFrameType = z.enum(Object.values(ServerMessage) as [string, ...string[]]);

export const busSchemas = {
  /** A frame for one TV or phone, sent by the instance that holds its socket (pairing, unpairing, phone lists). */
  pairing: z
    .object({
      to: z.object({ kind: z.enum(['tv', 'phone']), id }).strict(),
      frame: z.object({ type: serverFrameType }).catchall(z.unknown()),
    })
    .strict(),
  /** A dedication moved on: each instance tells the phone and (for a TV dedication) the TV it holds. */
  dedication: z
    .object({
      id,
      phoneId: id,
      tvId: id.optional(),
      target: z.enum(['tv', 'radio']),
      state: z.enum(['accepted', 'progress', 'ready', 'failed']),
      stage: z.enum(DEDICATION_STAGES).optional(),
      position: z.number().int().min(0).max(1_000_000).optional(),
      songId: id.optional(),
      error: z.object({ code: z.string().min(1).max(64), message: z.string().max(500) }).strict().optional(),
    })
    .strict(),
  /** What a channel's leader put on air, for every instance's listeners. */
  'now-playing': z
    .object({
      channel: channelId,
      songId: id.optional(),
      title: z.string().max(300),
      startedAt: z.number().int().min(0),
      mediaSequence: z.number().int().min(0).optional(),
    })
    .strict(),
  /** A nudge to a channel's leader: an approved dedication waits in the store's air queue (which is
   *  the truth: with no leader at the moment, the next one finds it there when it takes the lease). */
  'on-air': z.object({ channel: channelId, songId: id }).strict(),
} as const;

export type BusTopic = keyof typeof busSchemas;
export type BusMessages = { [T in BusTopic]: z.infer<(typeof busSchemas)[T]> };
export const BUS_TOPICS = Object.keys(busSchemas) as BusTopic[];

export type BusMessageError = { code: 'too-large' | 'bad-message' | 'unknown-topic'; message: string };

/** Checks a message for `topic` and returns its wire form, or why it cannot be sent. */
export function encodeBusMessage<T extends BusTopic>(topic: T, message: BusMessages[T], from: string): { ok: true; wire: string } | { ok: false; error: BusMessageError } {
  const checked = busSchemas[topic].safeParse(message);
  if (!checked.success) return { ok: false, error: { code: 'bad-message', message: describe(topic, checked.error) } };
  const wire = JSON.stringify({ from, message: checked.data });
  const size = Buffer.byteLength(wire);
  if (size > MAX_BUS_MESSAGE_BYTES) return { ok: false, error: { code: 'too-large', message: `a ${topic} message is ${size} bytes; the bus carries at most ${MAX_BUS_MESSAGE_BYTES}` } };
  return { ok: true, wire };
}

/** Parses and checks a received message; nothing that fails here reaches a subscriber. */
export function decodeBusMessage<T extends BusTopic>(topic: T, wire: string | Buffer): { ok: true; from: string; message: BusMessages[T] } | { ok: false; error: BusMessageError } {
  if (!Object.hasOwn(busSchemas, topic)) return { ok: false, error: { code: 'unknown-topic', message: `no bus topic "${String(topic).slice(0, 40)}"` } };
  const size = typeof wire === 'string' ? Buffer.byteLength(wire) : wire.length;
  if (size > MAX_BUS_MESSAGE_BYTES) return { ok: false, error: { code: 'too-large', message: `a ${topic} message of ${size} bytes was dropped; the bus carries at most ${MAX_BUS_MESSAGE_BYTES}` } };
  let data: unknown;
  try {
    data = JSON.parse(wire.toString());
  } catch {
    return { ok: false, error: { code: 'bad-message', message: `a ${topic} message was not JSON` } };
  }
  const envelope = data as { from?: unknown; message?: unknown } | null;
  if (typeof envelope?.from !== 'string' || envelope.from.length > 200) return { ok: false, error: { code: 'bad-message', message: `a ${topic} message had no sender` } };
  const checked = busSchemas[topic].safeParse(envelope.message);
  if (!checked.success) return { ok: false, error: { code: 'bad-message', message: describe(topic, checked.error) } };
  return { ok: true, from: envelope.from, message: checked.data as BusMessages[T] };
}

function describe(topic: string, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const line = `a ${topic} message is wrong at ${issue.path.join('.') || 'the top'}: ${issue.message}`;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
