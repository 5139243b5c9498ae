// The store: everything the station keeps, behind one asynchronous interface per entity, so the
// same code runs on the embedded SQLite file (one machine) and on PostgreSQL (many machines). Only
// library/ speaks SQL; every implementation applies the same numbered migrations in its dialect.
// library/ imports nothing from station/, songs/ or http/: the types it stores are defined here.
import type { SongRequest } from '@radio-optimism/shared';

/** What a library entry is: a song in the radio's rotation, a station ID, a private song (sent to a
 *  TV, made by an operator, or waiting for an operator) that no channel plays and no feed lists, or a
 *  removed one (taken down: its files are deleted and its page answers 410 Gone). */
export type SongKind = 'song' | 'jingle' | 'private' | 'removed';

/** What the store keeps of a made song (its files live in the media store, under its id). */
export interface SongRecord {
  id: string;
  title: string;
  language: string;
  genre: string;
  vibe: string;
  theme: string;
  /** The recipient's relation to the sender when the request said it (`family`, `friend`, …). */
  relation: string | null;
  durationSec: number;
  seed: number;
  recipient: string;
  sender: string | null;
  createdAt: string;
  kind: SongKind;
  /** The request the song was made from (its message is the dedication's words). */
  request: SongRequest;
  /** When and where it last started on air; null while it never has. */
  lastAired: { at: string; channel: string | null } | null;
}

/** The manifest fields the store indexes when a song is added. */
export interface NewSong {
  title: string;
  language: string;
  genre: string;
  vibe: string;
  theme: string;
  durationSec: number;
  seed: number;
  request: SongRequest;
}

/** Rules a playlist matches songs by (an absent field matches every song). */
export interface SongMatch {
  genre?: readonly string[];
  vibe?: readonly string[];
  language?: readonly string[];
  theme?: readonly string[];
  relation?: readonly string[];
  /** Made at or after this instant (ISO 8601, UTC). */
  since?: string;
  /** Made before this instant (ISO 8601, UTC). */
  before?: string;
  /** true: has been on air at least once; false: never has. */
  aired?: boolean;
}

/** One page of a list, newest first, and the opaque cursor of the page after it (absent on the last). */
export interface Page<T> {
  items: T[];
  next?: string;
}

export interface PageQuery {
  /** At most this many items (the store caps it). */
  limit: number;
  /** The `next` of the page before, as given. A cursor the store did not make is refused with a LibraryError `bad-cursor`. */
  cursor?: string;
}

/** The next song for a playlist, chosen by an indexed query: never a scan of the library. */
export interface NextSongQuery {
  kind: 'song' | 'jingle';
  match: SongMatch;
  /** An explicit list of song ids (a playlist's `songs:`), in play order; `match` is then ignored. */
  ids?: readonly string[];
  /** `normal`: in order (by ids, else oldest first), after `after`; `randomize`: least recently aired
   *  first, ties in a seeded order; `random`: a seeded random one. */
  mode: 'normal' | 'randomize' | 'random';
  /** Song ids that must not be chosen (the no-repeat window, songs whose files are gone). */
  exclude: readonly string[];
  /** For `normal`: the last song of this playlist that aired. */
  after?: string;
  /** Makes the choice repeatable: the same seed over the same rows chooses the same song. */
  seed: number;
}

export interface SongStore {
  /** A fresh id, used by no song. */
  newId(): Promise<string>;
  /** Indexes a made song; durable (fsynced / committed) before it resolves. */
  add(id: string, song: NewSong, kind: SongKind): Promise<SongRecord>;
  get(id: string): Promise<SongRecord | undefined>;
  count(kind?: SongKind): Promise<number>;
  setKind(id: string, kind: SongKind): Promise<void>;
  /** Songs of a kind, newest first, filtered by the match rules, a page at a time (keyset, indexed). */
  page(kind: SongKind, match: SongMatch, page: PageQuery): Promise<Page<SongRecord>>;
  /** The next song for a playlist's rules; undefined when none matches. */
  next(query: NextSongQuery): Promise<SongRecord | undefined>;
  /** Notes that a song started on air (feeds `randomize` and "where and when it aired"). */
  aired(id: string, channel: string, atMs: number): Promise<void>;
}

/** A channel's timeline, persisted as it is scheduled so a restart (or another instance) picks it up.
 *  Items are the playout's own records: the store keeps them as JSON, keyed by their index. */
export interface TimelineStore {
  /** Writes an item (replacing one at the same index); keeps a bounded history per channel. A disk
   *  that refuses the write is logged and skipped: the channel plays on from memory. */
  append(channel: string, index: number, item: unknown): Promise<void>;
  /** The last `limit` items of a channel, oldest first. */
  recent(channel: string, limit: number): Promise<unknown[]>;
}

export type DedicationStatus = 'queued' | 'composing' | 'ready' | 'failed';
export type ModerationStatus = 'none' | 'pending' | 'approved' | 'rejected';

export interface DedicationRecord {
  id: string;
  phoneId: string;
  tvId: string;
  target: 'tv' | 'radio';
  request: SongRequest;
  status: DedicationStatus;
  songId: string | null;
  /** A failure's code (composition-failed), for the phone. */
  error: string | null;
  /** Why it failed, in words, for the operator. */
  failure: string | null;
  /** Times its song was started; a dedication whose song never finishes gives up after a cap. */
  attempts: number;
  moderation: ModerationStatus;
  flags: string[];
  /** Its TV said it played it (`tv.playing`): the phone is told, also when it catches up after a restart. */
  playedOnTv: boolean;
  createdAt: string;
}

export type NewDedication = Pick<DedicationRecord, 'id' | 'phoneId' | 'tvId' | 'target' | 'request'>;
export type DedicationChange = Partial<Pick<DedicationRecord, 'status' | 'songId' | 'error' | 'failure' | 'attempts' | 'moderation' | 'flags' | 'playedOnTv'>>;

export interface DedicationStore {
  add(d: NewDedication): Promise<DedicationRecord>;
  update(id: string, change: DedicationChange): Promise<DedicationRecord | undefined>;
  get(id: string): Promise<DedicationRecord | undefined>;
  /** A phone's latest dedications, newest first (to catch a phone up after a reconnect). */
  recent(phoneId: string, limit: number): Promise<DedicationRecord[]>;
  /** Dedications not finished: after a restart they are made again or reported failed. */
  unfinished(): Promise<DedicationRecord[]>;
  /** Radio dedications waiting for an operator, oldest first, a page at a time. */
  moderationQueue(page: PageQuery): Promise<Page<DedicationRecord>>;
  /** Radio dedications approved by an operator, newest first. */
  onAir(limit: number): Promise<DedicationRecord[]>;
  /** Puts an approved dedication's song on a channel's air queue, durably, before the approval is
   *  answered: whoever leads the channel, now or later, airs it. Queued again: no change. */
  queueToAir(channel: string, songId: string, atMs: number): Promise<void>;
  /** Songs waiting to air on a channel (queued, not yet marked aired), oldest first. */
  waitingToAir(channel: string, limit: number): Promise<string[]>;
  /** Marks a song aired on a channel (queued or not); true only for the call that marked it, so a
   *  dedication airs once whichever instance leads. */
  markAired(channel: string, songId: string, atMs: number): Promise<boolean>;
}

/** What redeeming a pairing code found: its TV, a code that expired, or nothing (no TV holds it). */
export type RedeemedCode = { tvId: string } | { expired: true } | undefined;

export interface PhoneRecord {
  id: string;
  tvId: string;
  name: string;
  pairedAt: string;
}

export interface PairingStore {
  /** A TV by id and token; undefined if the token does not match. */
  tv(tvId: string, token: string): Promise<{ id: string } | undefined>;
  /** A new TV with a fresh token (may be written behind, in a batch). */
  addTv(): Promise<{ id: string; token: string }>;
  /** Notes that a TV was here now (written behind). */
  tvSeen(tvId: string): void;
  /** Forgets TVs with no paired phone not seen since `before` (ms since the epoch); how many went. */
  expireUnpairedTvs(before: number): Promise<number>;
  pairPhone(tvId: string, name: string): Promise<{ phone: PhoneRecord; sessionToken: string }>;
  phoneBySession(sessionToken: string): Promise<PhoneRecord | undefined>;
  phoneById(phoneId: string): Promise<PhoneRecord | undefined>;
  phones(tvId: string): Promise<PhoneRecord[]>;
  removePhone(phoneId: string): Promise<PhoneRecord | undefined>;
  /** Writes what waits (TVs) now. */
  flush(): Promise<void>;
  /** Gives a TV this pairing code until `expiresAtMs`, replacing the TV's previous code; false (and
   *  no change) if another TV's code, expired or not, is this one: pick another. */
  putCode(code: string, tvId: string, expiresAtMs: number): Promise<boolean>;
  /** Takes a code, atomically, so one code pairs one phone whichever instance each phone is on. */
  redeemCode(code: string, nowMs: number): Promise<RedeemedCode>;
  /** Forgets codes that expired before `beforeMs`; how many went. */
  expireCodes(beforeMs: number): Promise<number>;
}

/** Songs the API accepted (202) and the composer has not finished: made again after a restart. */
export interface AcceptedSongRequest {
  id: string;
  request: SongRequest;
  /** The queue class it was accepted in (`operator`, `starter`, …). */
  priority: string;
}

export interface SongRequestStore {
  /** Stored durably before the caller answers 202. */
  add(id: string, request: SongRequest, priority: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** The ones still to make, oldest first. */
  pending(): Promise<AcceptedSongRequest[]>;
}

/** One key's window of a rate limiter that keeps an attack out, kept across restarts. */
export interface SavedWindow {
  key: string;
  start: number;
  count: number;
}

export interface LimitStore {
  load(kind: string): Promise<SavedWindow[]>;
  /** Saves these windows and forgets the ones of this kind that started before `expiredBefore`. */
  save(kind: string, changed: readonly SavedWindow[], expiredBefore: number): Promise<void>;
}

/** A song a moderator took down: out of rotation and feeds, its page 410, its files kept until purged. */
export interface TakedownRecord {
  songId: string;
  /** What it was before (restored to this). */
  kindBefore: SongKind;
  by: string;
  atMs: number;
  /** When its files were deleted (then it can no longer be restored). */
  purgedAtMs: number | null;
}

export interface TakedownStore {
  /** Makes the song `removed`, remembering its kind; undefined if there is no such song or it is removed already. Durable. */
  takeDown(songId: string, by: string, atMs: number): Promise<TakedownRecord | undefined>;
  /** Gives the song back its kind; undefined unless it was taken down and its files are still kept. Durable. */
  restore(songId: string): Promise<TakedownRecord | undefined>;
  /** The song's takedown, while it is taken down. */
  get(songId: string): Promise<TakedownRecord | undefined>;
  /** Takedowns older than `beforeMs` whose files are still kept, oldest first. */
  due(beforeMs: number, limit: number): Promise<TakedownRecord[]>;
  /** Notes that the song's files were deleted. */
  purged(songId: string, atMs: number): Promise<void>;
}

/** One take of a phone's request: a private song made with its own seed. */
export interface TakeRecord {
  /** The take's song id (its job id while it is made). */
  songId: string;
  /** 1 for the first take of its group, then 2, 3. */
  n: number;
  seed: number;
  /** Where it was sent (each once). */
  sent: ('tv' | 'radio')[];
}

/** A phone's takes of one request: the same words, each take with a new seed. */
export interface TakeGroupRecord {
  id: string;
  phoneId: string;
  /** The request every take sings (its words fixed when the group began). */
  request: SongRequest;
  createdAtMs: number;
  /** Oldest first. */
  takes: TakeRecord[];
}

export interface TakeStore {
  /** Starts a group with no takes yet. */
  addGroup(group: Pick<TakeGroupRecord, 'id' | 'phoneId' | 'request'>, atMs: number): Promise<TakeGroupRecord>;
  /** Adds the group's next take, numbered after its last; undefined when the group is unknown or holds
   *  `max` takes already (checked and added in one transaction, so two at once cannot pass `max`). */
  addTake(groupId: string, songId: string, seed: number, max: number): Promise<TakeRecord | undefined>;
  /** Forgets a take that was never queued. */
  removeTake(songId: string): Promise<void>;
  get(groupId: string): Promise<TakeGroupRecord | undefined>;
  /** The group a take belongs to. */
  groupOf(songId: string): Promise<TakeGroupRecord | undefined>;
  /** Notes the take was sent to `target`; false when it was already (or there is no such take). Atomic. */
  markSent(songId: string, target: 'tv' | 'radio'): Promise<boolean>;
  /** Forgets groups begun before `beforeMs` and their takes (the songs stay); how many were forgotten. */
  expire(beforeMs: number): Promise<number>;
}

/** An operator's role (operators/roles.ts says what each may do). */
export type OperatorRole = 'viewer' | 'moderator' | 'admin';

/** An operator's account: the password only as a KDF hash (operators/passwords.ts). */
export interface OperatorRecord {
  name: string;
  role: OperatorRole;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

/** A signed-in operator: the session token itself is never stored, only its SHA-256. */
export interface OperatorSessionRecord {
  tokenHash: string;
  name: string;
  /** The account's role now (a role change applies to open sessions at once). */
  role: OperatorRole;
  expiresAtMs: number;
  lastSeenMs: number;
}

/** One operator action: who did what to what, and the thing before and after where it applies. */
export interface AuditRecord {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
}

export type NewAudit = Pick<AuditRecord, 'actor' | 'action'> & Partial<Pick<AuditRecord, 'target' | 'before' | 'after'>>;

export interface OperatorStore {
  /** A new account; a LibraryError `name-taken` if the name is in use (durable before it resolves). */
  add(name: string, role: OperatorRole, passwordHash: string): Promise<OperatorRecord>;
  get(name: string): Promise<OperatorRecord | undefined>;
  /** Every account, by name. */
  list(): Promise<OperatorRecord[]>;
  setRole(name: string, role: OperatorRole): Promise<OperatorRecord | undefined>;
  setPassword(name: string, passwordHash: string): Promise<OperatorRecord | undefined>;
  /** Removes the account and ends its sessions; the account as it was, or undefined. */
  remove(name: string): Promise<OperatorRecord | undefined>;
  openSession(name: string, tokenHash: string, expiresAtMs: number, nowMs: number): Promise<void>;
  /** The session with this token hash, unexpired at `nowMs`, with its account's current role. */
  session(tokenHash: string, nowMs: number): Promise<OperatorSessionRecord | undefined>;
  /** Notes the session was used now (and may extend it). */
  touchSession(tokenHash: string, nowMs: number, expiresAtMs: number): Promise<void>;
  endSession(tokenHash: string): Promise<void>;
  /** Forgets sessions expired before `nowMs`; how many went. */
  expireSessions(nowMs: number): Promise<number>;
  /** Appends to the audit log (durable before it resolves). */
  audit(entry: NewAudit): Promise<AuditRecord>;
  /** The audit log, newest first, a page at a time (keyset). */
  auditPage(page: PageQuery): Promise<Page<AuditRecord>>;
}

/** What a webhook may be told about. */
export const WEBHOOK_EVENTS = ['song.changed', 'dedication.pending', 'dedication.aired', 'station.silent'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** A receiver an admin registered: its secret signs every body (shown once, kept to sign). */
export interface WebhookRecord {
  id: string;
  url: string;
  events: WebhookEventName[];
  /** `json`: the station's own body; `discord`: `{content}` as a Discord webhook takes it. */
  format: 'json' | 'discord';
  secret: string;
  createdBy: string;
  createdAt: string;
}

export type NewWebhook = Pick<WebhookRecord, 'url' | 'events' | 'format' | 'secret' | 'createdBy'>;

/** One body for one receiver, tried until it is taken (2xx) or its attempts run out. */
export interface DeliveryRecord {
  id: string;
  hookId: string;
  event: string;
  /** The exact bytes sent (and signed), kept so a retry after a restart sends the same. */
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** When it is next due (pending), or when it finished. */
  nextAtMs: number;
  /** The receiver's last HTTP status, if it answered. */
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

export type DeliveryOutcome = Pick<DeliveryRecord, 'status' | 'attempts' | 'nextAtMs' | 'lastStatus' | 'lastError'>;

export interface WebhookStore {
  add(hook: NewWebhook): Promise<WebhookRecord>;
  get(id: string): Promise<WebhookRecord | undefined>;
  /** Every receiver, oldest first. */
  list(): Promise<WebhookRecord[]>;
  /** Removes a receiver and its deliveries; the receiver as it was, or undefined. */
  remove(id: string): Promise<WebhookRecord | undefined>;
  /** Stores a delivery due at `atMs` (durable before it resolves). */
  enqueue(hookId: string, event: string, body: string, atMs: number): Promise<DeliveryRecord>;
  /** Takes up to `limit` pending deliveries due by `nowMs`, oldest due first, and holds them until
   *  `holdUntilMs` (so another tick or instance does not take them meanwhile). */
  claimDue(nowMs: number, limit: number, holdUntilMs: number): Promise<DeliveryRecord[]>;
  /** Records an attempt's outcome. */
  settle(id: string, outcome: DeliveryOutcome): Promise<void>;
  /** The delivery log, newest first, a page at a time (keyset); one receiver's when `hookId` is given. */
  deliveries(page: PageQuery, hookId?: string): Promise<Page<DeliveryRecord>>;
  /** Forgets finished deliveries created before `beforeIso`; how many went. */
  prune(beforeIso: string): Promise<number>;
}

/** One counter in one minute: what was counted (`listeners`, `plays`, `funnel`, `theme`, …), on what
 *  (a channel, a funnel step, a theme), and how many. `minute` is whole minutes since the epoch (UTC). */
export interface StatCount {
  minute: number;
  metric: string;
  key: string;
  value: number;
}

/** Statistics in minute buckets, kept a day of one metric to a row (a year takes a few MB). Several
 *  station instances add to the same buckets. */
export interface StatsStore {
  /** Adds these counts to their buckets (durable as bookkeeping: a power cut may lose the newest). */
  add(counts: readonly StatCount[]): Promise<void>;
  /** A metric's non-zero buckets from `fromMinute` up to (not including) `toMinute`, by minute then key. */
  range(metric: string, fromMinute: number, toMinute: number): Promise<StatCount[]>;
}

/** Everything the station keeps. */
export interface Store {
  readonly songs: SongStore;
  readonly timeline: TimelineStore;
  readonly pairing: PairingStore;
  readonly dedications: DedicationStore;
  readonly songRequests: SongRequestStore;
  readonly limits: LimitStore;
  readonly operators: OperatorStore;
  readonly takedowns: TakedownStore;
  /** A phone's takes, kept across a restart. */
  readonly takes: TakeStore;
  readonly webhooks: WebhookStore;
  readonly stats: StatsStore;
  /** Which engine this is, for logs and health (`sqlite`, `postgres`). */
  readonly engine: string;
  /** Writes what waits and closes the connection. */
  close(): Promise<void>;
}
