import { describe, expect, it } from '@jest/globals';
import { createListenerCounter, sessionId, type SessionMemo } from './listener-counter.js';

const setup = (over: { maxSessions?: number; saltMs?: number } = {}) => {
  let t = 1_000_000;
  let salts = 0;
  const counter = createListenerCounter({ windowMs: 4000, maxSessions: over.maxSessions ?? 1000, saltMs: over.saltMs ?? 86_400_000, now: () => t, newSalt: () => Buffer.from(`salt-${salts++}`) });
  return { counter, advance: (ms: number) => (t += ms), salts: () => salts };
};

describe('the listener counter', () => {
  it('counts a session per address and user agent, on the channel it last fetched', () => {
    const { counter } = setup();
    counter.heard('radio', '127.0.0.2', 'hls.js');
    counter.heard('radio', '127.0.0.2', 'hls.js');
    counter.heard('radio', '127.0.0.3', 'hls.js');
    counter.heard('radio', '127.0.0.3', 'Safari');
    counter.heard('calm', '127.0.0.4', undefined);
    expect(counter.count()).toEqual(new Map([['radio', 3], ['calm', 1]]));
    counter.heard('calm', '127.0.0.2', 'hls.js'); // tuned to another channel
    expect(counter.count()).toEqual(new Map([['radio', 2], ['calm', 2]]));
  });

  it('forgets a session that fetched no playlist within the window (two target durations)', () => {
    const { counter, advance } = setup();
    counter.heard('radio', '10.0.0.1', 'a');
    advance(3000);
    counter.heard('radio', '10.0.0.2', 'a');
    advance(1000); // the first is exactly at the edge: still a listener
    expect(counter.count().get('radio')).toBe(2);
    advance(1);
    expect(counter.count().get('radio')).toBe(1);
    expect(counter.size).toBe(1);
    advance(3000);
    expect(counter.count().size).toBe(0);
    expect(counter.size).toBe(0);
  });

  it('tracks at most maxSessions, counts the rest as overflow, and takes new ones once old ones go quiet', () => {
    const { counter, advance } = setup({ maxSessions: 100 });
    for (let i = 0; i < 150; i++) counter.heard('radio', `10.0.${i >> 8}.${i & 255}`, 'a');
    expect(counter.size).toBe(100);
    expect(counter.overflow).toBe(50);
    expect(counter.count().get('radio')).toBe(100);
    // A known session is still heard when the table is full.
    counter.heard('calm', '10.0.0.0', 'a');
    expect(counter.count().get('calm')).toBe(1);
    advance(5000);
    counter.heard('radio', '10.9.9.9', 'a');
    expect(counter.size).toBe(1);
    expect(counter.overflow).toBe(50);
  });

  it('reuses a connection\'s id while its agent and the salt stay, and works it out again when either changes', () => {
    const { counter, advance, salts } = setup({ saltMs: 10_000 });
    const memo: SessionMemo = {};
    counter.heard('radio', '10.1.1.1', 'a', memo);
    const first = memo.id;
    expect(first).toBe(sessionId(Buffer.from('salt-0'), '10.1.1.1', 'a'));
    counter.heard('radio', '10.1.1.1', 'a', memo);
    expect(memo.id).toBe(first);
    expect(counter.size).toBe(1);
    counter.heard('radio', '10.1.1.1', 'b', memo); // another player on the same connection: another listener
    expect(memo.id).toBe(sessionId(Buffer.from('salt-0'), '10.1.1.1', 'b'));
    expect(counter.count().get('radio')).toBe(2);
    advance(10_000);
    counter.heard('radio', '10.1.1.1', 'b', memo);
    expect(salts()).toBe(2);
    expect(memo.id).toBe(sessionId(Buffer.from('salt-1'), '10.1.1.1', 'b'));
    expect(counter.size).toBe(1);
  });

  it('keeps no address: ids are salted hashes, and a new salt each day starts afresh', () => {
    const { counter, advance, salts } = setup({ saltMs: 10_000 });
    const a = sessionId(Buffer.from('one'), '192.0.2.77', 'agent');
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a).not.toContain('192.0.2');
    expect(sessionId(Buffer.from('one'), '192.0.2.77', 'agent')).toBe(a);
    expect(sessionId(Buffer.from('two'), '192.0.2.77', 'agent')).not.toBe(a);
    expect(sessionId(Buffer.from('one'), '192.0.2.78', 'agent')).not.toBe(a);
    counter.heard('radio', '192.0.2.77', 'agent');
    expect(salts()).toBe(1);
    advance(3000);
    counter.heard('radio', '192.0.2.77', 'agent');
    expect(counter.size).toBe(1);
    advance(7000); // the salt's day is over
    counter.heard('radio', '192.0.2.77', 'agent');
    expect(salts()).toBe(2);
    expect(counter.size).toBe(1);
    expect(counter.count().get('radio')).toBe(1);
  });
});
