import type { BusProblem } from './bus.js';
import { LocalBus } from './local-bus.js';

const DEDICATION = { id: 'd_1', phoneId: 'p_1', tvId: 't_1', target: 'tv' as const, state: 'progress' as const, stage: 'music' as const, position: 0 };

describe('local bus', () => {
  test('delivers a checked copy to every subscriber of the topic, and only them', async () => {
    const bus = new LocalBus();
    const got: unknown[] = [];
    const others: unknown[] = [];
    bus.subscribe('dedication', (m) => got.push(m));
    bus.subscribe('dedication', (m) => got.push(m));
    bus.subscribe('now-playing', (m) => others.push(m));
    const message = { ...DEDICATION };
    expect(await bus.publish('dedication', message)).toEqual({ ok: true });
    await new Promise((r) => setImmediate(r));
    expect(got).toEqual([DEDICATION, DEDICATION]);
    expect(got[0]).not.toBe(message);
    expect(others).toEqual([]);
    await bus.close();
  });

  test('a bad message is refused to the sender and reaches nobody', async () => {
    const bus = new LocalBus();
    const got: unknown[] = [];
    bus.subscribe('dedication', (m) => got.push(m));
    const result = await bus.publish('dedication', { ...DEDICATION, stage: 'dancing' as 'music' });
    expect(result).toMatchObject({ ok: false, localOnly: false, error: { code: 'bad-message' } });
    await new Promise((r) => setImmediate(r));
    expect(got).toEqual([]);
  });

  test('a throwing handler is reported and the others still get the message', async () => {
    const bus = new LocalBus();
    const problems: BusProblem[] = [];
    const got: unknown[] = [];
    bus.onProblem((p) => problems.push(p));
    bus.subscribe('dedication', () => {
      throw new Error('boom');
    });
    bus.subscribe('dedication', (m) => got.push(m));
    await bus.publish('dedication', DEDICATION);
    await new Promise((r) => setImmediate(r));
    expect(got).toHaveLength(1);
    expect(problems).toEqual([{ code: 'handler-failed', topic: 'dedication', message: 'boom' }]);
  });

  test('unsubscribe and close stop delivery', async () => {
    const bus = new LocalBus();
    const got: unknown[] = [];
    const off = bus.subscribe('dedication', (m) => got.push(m));
    off();
    await bus.publish('dedication', DEDICATION);
    await new Promise((r) => setImmediate(r));
    expect(got).toEqual([]);
    await bus.close();
    expect(await bus.publish('dedication', DEDICATION)).toMatchObject({ ok: false, error: { code: 'closed' } });
  });
});
