import type { LeaseChange } from './lease.js';
import { LocalLease } from './local-lease.js';

test('a station alone leads every channel it asks for, until it releases it', async () => {
  const lease = new LocalLease();
  const changes: LeaseChange[] = [];
  lease.onChange((c) => changes.push(c));
  expect(lease.isLeader('love')).toBe(false);
  expect(await lease.acquire('love')).toBe(true);
  expect(await lease.acquire('love')).toBe(true);
  expect(await lease.renew('love')).toBe(true);
  expect(lease.isLeader('love')).toBe(true);
  await lease.release('love');
  expect(lease.isLeader('love')).toBe(false);
  expect(await lease.renew('love')).toBe(false);
  await lease.acquire('news');
  await lease.close();
  expect(changes).toEqual([
    { channel: 'love', leader: true, reason: 'won' },
    { channel: 'love', leader: false, reason: 'released' },
    { channel: 'news', leader: true, reason: 'won' },
    { channel: 'news', leader: false, reason: 'released' },
  ]);
});
