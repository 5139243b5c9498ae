import { decodeBusMessage, encodeBusMessage, MAX_BUS_MESSAGE_BYTES, type BusMessages } from './bus-topics.js';

const NOW: BusMessages['now-playing'] = { channel: 'love-songs', songId: 's_1', title: 'For Mina', startedAt: 1_700_000_000_000, mediaSequence: 42 };

describe('bus topics', () => {
  test('a message goes out and comes back the same', () => {
    const encoded = encodeBusMessage('now-playing', NOW, 'instance-a');
    if (!encoded.ok) throw new Error(encoded.error.message);
    expect(decodeBusMessage('now-playing', encoded.wire)).toEqual({ ok: true, from: 'instance-a', message: NOW });
  });

  test('a pairing frame must be a frame the server sends', () => {
    const good = encodeBusMessage('pairing', { to: { kind: 'tv', id: 'tv_1' }, frame: { type: 'tv.phones', phones: [] } }, 'a');
    expect(good.ok).toBe(true);
    const bad = encodeBusMessage('pairing', { to: { kind: 'tv', id: 'tv_1' }, frame: { type: 'tv.hello' } }, 'a');
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });

  test.each([
    ['not JSON', '{nope'],
    ['no sender', JSON.stringify({ message: NOW })],
    ['an unknown field', JSON.stringify({ from: 'a', message: { ...NOW, extra: 1 } })],
    ['a bad channel id', JSON.stringify({ from: 'a', message: { ...NOW, channel: '../etc' } })],
    ['a missing field', JSON.stringify({ from: 'a', message: { channel: 'x', startedAt: 1 } })],
  ])('a received message with %s is dropped with a one-line reason', (_, wire) => {
    const result = decodeBusMessage('now-playing', wire);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    if (!result.ok) expect(result.error.message).not.toContain('\n');
  });

  test('size is bounded both ways', () => {
    const big = { ...NOW, title: 'x'.repeat(300) };
    expect(encodeBusMessage('now-playing', big, 'a').ok).toBe(true);
    const frame = { type: 'tv.phones', phones: Array.from({ length: 400 }, (_, i) => ({ id: `p${i}`, name: 'n'.repeat(40), pairedAt: '2026-01-01T00:00:00Z' })) };
    expect(encodeBusMessage('pairing', { to: { kind: 'tv', id: 't' }, frame }, 'a')).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const wire = JSON.stringify({ from: 'a', message: NOW }).padEnd(MAX_BUS_MESSAGE_BYTES + 1, ' ');
    expect(decodeBusMessage('now-playing', wire)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  test('an unknown topic is refused', () => {
    expect(decodeBusMessage('secrets' as 'now-playing', '{}')).toMatchObject({ ok: false, error: { code: 'unknown-topic' } });
    expect(decodeBusMessage('__proto__' as 'now-playing', '{}')).toMatchObject({ ok: false, error: { code: 'unknown-topic' } });
  });
});
