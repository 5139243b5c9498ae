import { describe, expect, it } from '@jest/globals';
import { createFrameMeter, DEFAULT_FRAME_BUDGETS } from './frame-budget.js';

describe('createFrameMeter', () => {
  const budgets = { ...DEFAULT_FRAME_BUDGETS, 'tv.hello': { perSocket: 2, perAddress: 3 }, ping: { perSocket: 5, perAddress: 100 } };

  it('breaks the socket budget of one frame type without touching the others', () => {
    let t = 0;
    const meter = createFrameMeter(budgets, () => t);
    const socket = meter.socket();
    expect([1, 2, 3].map(() => meter.charge(socket, 'a', 'tv.hello'))).toEqual([undefined, undefined, 'socket']);
    expect(meter.charge(socket, 'a', 'ping')).toBeUndefined();
    t = 60_000; // a new window
    expect(meter.charge(socket, 'a', 'tv.hello')).toBeUndefined();
  });

  it('breaks the address budget across sockets of one address, and only for that address', () => {
    const meter = createFrameMeter(budgets, () => 0);
    const sockets = [meter.socket(), meter.socket(), meter.socket(), meter.socket()];
    expect(sockets.map((s) => meter.charge(s, '10.0.0.1', 'tv.hello'))).toEqual([undefined, undefined, undefined, 'address']);
    expect(meter.charge(meter.socket(), '10.0.0.2', 'tv.hello')).toBeUndefined();
  });

  it('has a budget for every frame type and for invalid frames', () => {
    for (const [kind, b] of Object.entries(DEFAULT_FRAME_BUDGETS)) {
      expect([kind, b.perSocket > 0 && b.perAddress >= b.perSocket]).toEqual([kind, true]);
    }
  });
});
