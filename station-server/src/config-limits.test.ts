// The abuse and timeout settings: documented defaults, and a bad value stops start-up naming the setting.
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './config.js';
import { DEFAULT_FRAME_BUDGETS } from './pairing/frame-budget.js';

describe('limit settings', () => {
  it('default to the documented values', () => {
    const c = loadConfig({}, '/tmp');
    expect(c.wsFrameBudgets).toEqual(DEFAULT_FRAME_BUDGETS);
    expect([c.wsSocketsPerAddress, c.wsHeartbeatMs, c.unpairedTvMs, c.wrongCodeLimit, c.wrongCodeLimitPerSite]).toEqual([32, 30_000, 24 * 3600_000, 5, 50]);
    expect([c.httpHeadersTimeoutMs, c.httpRequestTimeoutMs]).toEqual([10_000, 30_000]);
    expect(c.listenerLimit).toBe(100_000);
    expect(loadConfig({ LISTENER_LIMIT: '0' }, '/tmp').listenerLimit).toBe(0);
  });

  it('read each frame type budget as socket/address, and leave the other types alone', () => {
    const c = loadConfig({ WS_BUDGET_TV_HELLO: '2/9', WS_BUDGET_DEDICATION_CREATE: ' 1 / 1 ', WS_BUDGET_INVALID: '3/4', UNPAIRED_TV_HOURS: '2' }, '/tmp');
    expect(c.wsFrameBudgets['tv.hello']).toEqual({ perSocket: 2, perAddress: 9 });
    expect(c.wsFrameBudgets['dedication.create']).toEqual({ perSocket: 1, perAddress: 1 });
    expect(c.wsFrameBudgets.invalid).toEqual({ perSocket: 3, perAddress: 4 });
    expect(c.wsFrameBudgets.ping).toEqual(DEFAULT_FRAME_BUDGETS.ping);
    expect(c.unpairedTvMs).toBe(2 * 3600_000);
  });

  it('refuse a bad value with a message naming the setting', () => {
    expect(() => loadConfig({ WS_BUDGET_PING: '10' }, '/tmp')).toThrow(/^WS_BUDGET_PING: must be frames per minute/);
    expect(() => loadConfig({ WS_BUDGET_PING: '10/5' }, '/tmp')).toThrow(/^WS_BUDGET_PING:/);
    expect(() => loadConfig({ WS_BUDGET_PHONE_PAIR: '0/5' }, '/tmp')).toThrow(/^WS_BUDGET_PHONE_PAIR:/);
    expect(() => loadConfig({ WS_SOCKETS_PER_ADDRESS: '0' }, '/tmp')).toThrow(/^WS_SOCKETS_PER_ADDRESS:/);
    expect(() => loadConfig({ WS_HEARTBEAT_SECONDS: 'soon' }, '/tmp')).toThrow(/^WS_HEARTBEAT_SECONDS:/);
    expect(() => loadConfig({ UNPAIRED_TV_HOURS: '-1' }, '/tmp')).toThrow(/^UNPAIRED_TV_HOURS:/);
    expect(() => loadConfig({ WRONG_CODE_LIMIT: '1.5' }, '/tmp')).toThrow(/^WRONG_CODE_LIMIT:/);
    expect(() => loadConfig({ LISTENER_LIMIT: 'lots' }, '/tmp')).toThrow(/^LISTENER_LIMIT:/);
    expect(() => loadConfig({ LISTENER_LIMIT: '-5' }, '/tmp')).toThrow(/^LISTENER_LIMIT:/);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: '20', HTTP_REQUEST_TIMEOUT_SECONDS: '10' }, '/tmp')).toThrow(/^HTTP_REQUEST_TIMEOUT_SECONDS: must be at least/);
  });
});
