// Leases handed out by a test: `lead(channels, name)` says which instance leads each channel (or none).
import type { Lease, LeaseChange } from '../cluster/lease.js';

export function fakeLeases(): { lease(name: string): Lease; lead(channels: string[], name: string | undefined): void } {
  const leaders = new Map<string, string>();
  const listeners = new Map<string, Set<(c: LeaseChange) => void>>();
  const lease = (name: string): Lease => ({
    kind: 'fake',
    acquire: async (channel) => leaders.get(channel) === name,
    renew: async (channel) => leaders.get(channel) === name,
    release: async () => undefined,
    isLeader: (channel) => leaders.get(channel) === name,
    onChange(listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    close: async () => undefined,
  });
  const lead = (channels: string[], name: string | undefined) => {
    for (const channel of channels) {
      const before = leaders.get(channel);
      if (name) leaders.set(channel, name);
      else leaders.delete(channel);
      for (const [who, set] of listeners) {
        if ((before === who) !== (name === who)) for (const l of set) l({ channel, leader: name === who, reason: name === who ? 'won' : 'lost' });
      }
    }
  };
  return { lease, lead };
}
