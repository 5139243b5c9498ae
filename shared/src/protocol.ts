// The WebSocket protocol (/ws): a version, the message types, what each side may send, and one
// validator every untrusted frame passes before dispatch.
import { z } from 'zod';
import { songRequestSchema } from './request.js';

export const PROTOCOL_VERSION = 1;
/** Frames larger than this are refused unread. */
export const MAX_FRAME_BYTES = 8 * 1024;

/** What clients may send. */
export const ClientMessage = {
  /** Any client: receive `channel.now` for a channel from now on. */
  Subscribe: 'channel.subscribe',
  /** TV: announce itself (again, with its tvId and token after a reconnect) to get a pairing code. */
  TvHello: 'tv.hello',
  /** TV: remove a paired phone. */
  TvUnpair: 'tv.unpair',
  /** TV: it started playing a dedication it was sent (its first audio), so the phone can say so. */
  TvPlaying: 'tv.playing',
  /** Phone: pair with the TV showing this code. */
  PhonePair: 'phone.pair',
  /** Phone: pick up a session after a reconnect or a page reload. */
  PhoneResume: 'phone.resume',
  /** Phone: end its pairing. */
  PhoneLeave: 'phone.leave',
  /** Phone: make a song and send it to the paired TV or to the radio. */
  DedicationCreate: 'dedication.create',
  /** Phone: the words the writer would sing for this request, to read and edit before singing. */
  LyricsDraft: 'lyrics.draft',
  /** Phone: make a first take (a private song) of this request; more takes with `take.another`. */
  TakeCreate: 'take.create',
  /** Phone: the same words again with a new seed, in the group a `take.create` began. */
  TakeAnother: 'take.another',
  /** Phone: send this exact take (its song id) to the paired TV or to the radio. */
  TakeSend: 'take.send',
  /** Any client: a keep-alive and latency probe, answered with `pong` and the same `n`. */
  Ping: 'ping',
} as const;

/** Takes one request may have, the first included. */
export const MAX_TAKES = 3;

/** What the server sends. */
export const ServerMessage = {
  Now: 'channel.now',
  /** To a TV: {tvId, token, pairingCode, pairingUrl, expiresAt, phones}. */
  TvWelcome: 'tv.welcome',
  /** To a TV: its paired phones changed: {phones}. */
  TvPhones: 'tv.phones',
  /** To a phone: {sessionToken, tvId, phoneId}. */
  PhonePaired: 'phone.paired',
  /** To a phone: its pairing ended: {reason: 'left' | 'unpaired-by-tv'}. */
  PhoneLeft: 'phone.left',
  /** To a phone: {id, position} — stored, queued at this place. */
  DedicationAccepted: 'dedication.accepted',
  /** To a phone: {id, stage, position?}. */
  DedicationProgress: 'dedication.progress',
  /** To the phone and (target tv) its TV: {id, target, song, moderation?: 'pending' | 'approved'} (radio songs wait for an operator). */
  DedicationReady: 'dedication.ready',
  /** To a TV (target tv): {id, song: {id, title, durationSec, to, from, stream}} — the song's start can
   *  be played from `stream` (a growing HLS playlist) while the rest is made; `dedication.ready` follows. */
  DedicationPlayable: 'dedication.playable',
  /** To a phone, and (target tv) its TV: {id, code, message, songId?} — `songId` names the half-made song a TV
   *  was offered (dedication.playable) when that try failed; without it the dedication is given up. */
  DedicationFailed: 'dedication.failed',
  /** To a phone: {id, moderation: 'approved' | 'rejected'} — the station's moderators decided its radio dedication. */
  DedicationModerated: 'dedication.moderated',
  /** To a phone: {id} — its TV dedication is playing on the TV now (the TV said `tv.playing`). */
  DedicationPlaying: 'dedication.playing',
  /** To a phone: {seed, sections: [{kind, lines}], warnings: [{code, message}]} for its `lyrics.draft`. */
  LyricsDrafted: 'lyrics.drafted',
  /** To a phone: {group, id, take, seed} — a take is queued (its id is its song's id). */
  TakeAccepted: 'take.accepted',
  /** To a phone: {group, id, stage}. */
  TakeProgress: 'take.progress',
  /** To a phone: {group, id, take, seed, song} — a private song until it is sent. */
  TakeReady: 'take.ready',
  /** To a phone: {group, id, code, message}. */
  TakeFailed: 'take.failed',
  Pong: 'pong',
  Error: 'error',
} as const;

/** The stages a phone shows while its song is made, in order. */
export const DEDICATION_STAGES = ['queued', 'lyrics', 'music', 'voice', 'mix', 'artwork', 'ready'] as const;
export type DedicationStage = (typeof DEDICATION_STAGES)[number];

/** A paired phone as a TV lists it. */
export interface PhoneInfo {
  id: string;
  name: string;
  pairedAt: string;
}

const channelId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'channel ids are lowercase letters, digits and dashes');

const groupId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'not a take group id');
const songId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'not a song id');

const dedicationId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'not a dedication id');

const token = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/, 'not a token');

export const clientFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(ClientMessage.Subscribe), channel: channelId }).strict(),
  z.object({ type: z.literal(ClientMessage.TvHello), tvId: z.string().max(64).optional(), token: token.optional(), language: z.string().max(8).optional() }).strict(),
  z.object({ type: z.literal(ClientMessage.TvUnpair), phoneId: z.string().min(1).max(64) }).strict(),
  z.object({ type: z.literal(ClientMessage.TvPlaying), id: dedicationId }).strict(),
  z.object({ type: z.literal(ClientMessage.PhonePair), code: z.string().min(1).max(16), name: z.string().max(40).optional() }).strict(),
  z.object({ type: z.literal(ClientMessage.PhoneResume), sessionToken: token }).strict(),
  z.object({ type: z.literal(ClientMessage.PhoneLeave) }).strict(),
  z.object({ type: z.literal(ClientMessage.DedicationCreate), request: songRequestSchema, target: z.enum(['tv', 'radio']) }).strict(),
  z.object({ type: z.literal(ClientMessage.LyricsDraft), request: songRequestSchema }).strict(),
  z.object({ type: z.literal(ClientMessage.TakeCreate), request: songRequestSchema }).strict(),
  z.object({ type: z.literal(ClientMessage.TakeAnother), group: groupId }).strict(),
  z.object({ type: z.literal(ClientMessage.TakeSend), take: songId, target: z.enum(['tv', 'radio']) }).strict(),
  z.object({ type: z.literal(ClientMessage.Ping), n: z.number().int().optional() }).strict(),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export type ErrorCode =
  | 'bad-frame'
  | 'frame-too-large'
  | 'unknown-type'
  | 'unknown-channel'
  | 'bad-code'
  | 'code-expired'
  | 'not-paired'
  | 'not-a-tv'
  | 'invalid-request'
  | 'rate-limited'
  | 'busy'
  | 'too-many-takes'
  | 'unknown-take'
  | 'internal';

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
    // Zod names unknown keys in its message; a frame's own text is not echoed back at length.
    const line = `${issue.path.join('.') || 'frame'}: ${issue.message}`;
    return error('bad-frame', line.length > 200 ? `${line.slice(0, 199)}…` : line);
  }
  return { ok: true, frame: result.data };
}

/** WebSocket close codes the station uses (RFC 6455 §7.4.1); a client should wait before reconnecting after these. */
export const CloseCode = {
  /** The socket spent its budget of frames (of one type, or of its address): it was flooding. */
  TooManyFrames: 1008,
  /** Its address already holds as many sockets as the station allows one address. */
  TooManySockets: 1013,
} as const;
