// The WebSocket protocol (/ws): a version, the message types, what each side may send, and one
// validator every untrusted frame passes before dispatch.
import { z } from 'zod';
import { songRequestSchema } from './request.js';

export const PROTOCOL_VERSION = 1;
/** Frames larger than this are refused unread. */
export const MAX_FRAME_BYTES = 8 * 1024;

export const ClientMessage = {
  Subscribe: 'channel.subscribe',
  TvHello: 'tv.hello',
  PhonePair: 'phone.pair',
  DedicationCreate: 'dedication.create',
} as const;

export const ServerMessage = {
  Now: 'channel.now',
  TvWelcome: 'tv.welcome',
  PhonePaired: 'phone.paired',
  DedicationAccepted: 'dedication.accepted',
  DedicationProgress: 'dedication.progress',
  DedicationReady: 'dedication.ready',
  Error: 'error',
} as const;

const channelId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'channel ids are lowercase letters, digits and dashes');

export const clientFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(ClientMessage.Subscribe), channel: channelId }).strict(),
  z.object({ type: z.literal(ClientMessage.TvHello), tvId: z.string().max(64).optional(), token: z.string().max(128).optional() }).strict(),
  z.object({ type: z.literal(ClientMessage.PhonePair), code: z.string().min(1).max(16) }).strict(),
  z.object({ type: z.literal(ClientMessage.DedicationCreate), request: songRequestSchema, target: z.enum(['tv', 'radio']) }).strict(),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export type ErrorCode = 'bad-frame' | 'frame-too-large' | 'unknown-type' | 'unknown-channel' | 'not-paired' | 'rate-limited' | 'internal';

export interface ErrorFrame {
  type: typeof ServerMessage.Error;
  code: ErrorCode;
  message: string;
}

export type FrameCheck = { ok: true; frame: ClientFrame } | { ok: false; error: ErrorFrame };

const error = (code: ErrorCode, message: string): FrameCheck => ({ ok: false, error: { type: ServerMessage.Error, code, message } });

/** Parses and validates one untrusted frame. Nothing that fails here reaches a handler. */
export function checkClientFrame(raw: string | Buffer): FrameCheck {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (size > MAX_FRAME_BYTES) return error('frame-too-large', `frames are limited to ${MAX_FRAME_BYTES} bytes`);
  let data: unknown;
  try {
    data = JSON.parse(raw.toString());
  } catch {
    return error('bad-frame', 'a frame must be a JSON object');
  }
  const type = (data as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return error('bad-frame', 'a frame needs a "type"');
  if (!(Object.values(ClientMessage) as string[]).includes(type)) return error('unknown-type', `unknown frame type "${type.slice(0, 40)}"`);
  const result = clientFrameSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return error('bad-frame', `${issue.path.join('.') || 'frame'}: ${issue.message}`);
  }
  return { ok: true, frame: result.data };
}
