// Who is listening, per channel: a listener is an HLS session that fetched a media playlist within
// the last two target durations. A session is known only by an anonymous id, an HMAC of its address
// and user agent under a salt that lives in memory and changes every day: no address is kept, the
// salt is never written anywhere, and yesterday's ids cannot be matched with today's.
// Each playlist request costs one HMAC and one Map write; counting walks the Map on a timer.
import { createHmac, randomBytes } from 'node:crypto';

export interface ListenerCounterOptions {
  /** A session counts this long after its last media playlist fetch (two target durations). */
  windowMs: number;
  /** At most this many sessions are tracked (LISTENER_LIMIT); more are counted as overflow, not kept. */
  maxSessions: number;
  /** How long one salt is used (default a day). */
  saltMs?: number;
  now?: () => number;
  /** Where a new salt comes from (tests pin it). */
  newSalt?: () => Buffer;
}

/** What a connection remembers of its last id, so a player polling on one keep-alive connection costs
 *  one HMAC a day, not one a request (the front door keeps one per socket). */
export interface SessionMemo {
  agent?: string | undefined;
  salt?: Buffer;
  id?: string;
}

export interface ListenerCounter {
  /** A media playlist of `channel` was fetched by this address and user agent (on the connection `memo` belongs to). */
  heard(channel: string, address: string | undefined, agent: string | undefined, memo?: SessionMemo): void;
  /** Listeners per channel now; forgets sessions that went quiet. */
  count(): Map<string, number>;
  /** Sessions tracked (bounded by maxSessions). */
  readonly size: number;
  /** New sessions not tracked since start because the table was full. */
  readonly overflow: number;
}

/** A session's anonymous id: 128 bits of HMAC-SHA256(salt, address and user agent). */
export const sessionId = (salt: Buffer, address: string | undefined, agent: string | undefined): string =>
  createHmac('sha256', salt).update(`${address ?? ''}\n${agent ?? ''}`).digest('base64url').slice(0, 22);

interface Session {
  channel: string;
  at: number;
}

export function createListenerCounter(options: ListenerCounterOptions): ListenerCounter {
  const now = options.now ?? Date.now;
  const saltMs = options.saltMs ?? 86_400_000;
  const newSalt = options.newSalt ?? (() => randomBytes(32));
  const sessions = new Map<string, Session>();
  let salt = newSalt();
  let saltUntil = now() + saltMs;
  let overflow = 0;
  let sweptAt = 0;

  const sweep = (at: number): Map<string, number> => {
    sweptAt = at;
    const counts = new Map<string, number>();
    for (const [id, s] of sessions) {
      if (at - s.at > options.windowMs || s.at > at + options.windowMs) sessions.delete(id);
      else counts.set(s.channel, (counts.get(s.channel) ?? 0) + 1);
    }
    return counts;
  };

  return {
    heard(channel, address, agent, memo) {
      const at = now();
      if (at >= saltUntil || at < saltUntil - saltMs) {
        // A new day: ids under the old salt can never match again, so they go at once.
        salt = newSalt();
        saltUntil = at + saltMs;
        sessions.clear();
      }
      let id: string;
      if (memo && memo.salt === salt && memo.agent === agent && memo.id !== undefined) id = memo.id;
      else {
        id = sessionId(salt, address, agent);
        if (memo) Object.assign(memo, { salt, agent, id });
      }
      const known = sessions.get(id);
      if (known) {
        known.channel = channel;
        known.at = at;
        return;
      }
      // Full: forget the quiet ones first (at most a few times a window, so a flood cannot make every request a walk).
      if (sessions.size >= options.maxSessions && at - sweptAt > options.windowMs / 4) sweep(at);
      if (sessions.size >= options.maxSessions) {
        overflow++;
        return;
      }
      sessions.set(id, { channel, at });
    },
    count: () => sweep(now()),
    get size() {
      return sessions.size;
    },
    get overflow() {
      return overflow;
    },
  };
}
