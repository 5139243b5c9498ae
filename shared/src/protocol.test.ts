// Property-based fuzzing of the one validator every untrusted WebSocket frame passes: random and
// mutated frames give a typed error or a valid message, never a throw.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkClientFrame, ClientMessage, MAX_FRAME_BYTES, ServerMessage, type FrameCheck } from './protocol.js';

const ERROR_CODES = ['bad-frame', 'frame-too-large', 'unknown-type', 'unknown-channel', 'bad-code', 'code-expired', 'not-paired', 'not-a-tv', 'invalid-request', 'rate-limited', 'too-many-takes', 'unknown-take', 'internal'];
const TYPES = Object.values(ClientMessage) as string[];

/** A check's result is one of the two typed shapes, and an accepted frame passes again unchanged. */
function wellFormed(result: FrameCheck): void {
  if (result.ok) {
    expect(TYPES).toContain(result.frame.type);
    const again = checkClientFrame(JSON.stringify(result.frame));
    expect(again).toEqual({ ok: true, frame: result.frame });
  } else {
    expect(result.error.type).toBe(ServerMessage.Error);
    expect(ERROR_CODES).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message.length).toBeLessThan(400); // a short line, never an echo of the whole frame
  }
}

const request = { message: 'Thank you for everything', to: 'Mom', from: 'Alex', genre: 'ballad', vibe: 'heartfelt', language: 'en' };
const VALID: object[] = [
  { type: 'channel.subscribe', channel: 'radio-optimism' },
  { type: 'tv.hello' },
  { type: 'tv.hello', tvId: 'tv_abc', token: 'A'.repeat(32), language: 'en' },
  { type: 'tv.unpair', phoneId: 'ph_x' },
  { type: 'tv.playing', id: 'd_abc' },
  { type: 'phone.pair', code: 'ACDEFG', name: 'Alex' },
  { type: 'phone.resume', sessionToken: 'b'.repeat(32) },
  { type: 'phone.leave' },
  { type: 'dedication.create', request, target: 'radio' },
  { type: 'lyrics.draft', request: { ...request, voice: 'en-low', soundsLike: 'mahm' } },
  { type: 'take.create', request: { ...request, lyrics: 'Mom, thank you\nfor everything' } },
  { type: 'take.another', group: 't_abc' },
  { type: 'take.send', take: 's_abc', target: 'tv' },
  { type: 'ping', n: 3 },
];

/** A JSON text edited at random: characters deleted, inserted or replaced. */
const mutatedText = fc
  .tuple(fc.constantFrom(...VALID.map((f) => JSON.stringify(f))), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 4 })), { maxLength: 6 }))
  .map(([text, edits]) => edits.reduce((t, [at, cut, put]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + put + t.slice(i + cut);
  }, text));

/** A valid frame with one field replaced, added or removed. */
const mutatedObject = fc
  .tuple(fc.constantFrom(...VALID), fc.constantFrom('type', 'channel', 'tvId', 'token', 'language', 'phoneId', 'code', 'name', 'sessionToken', 'request', 'target', 'n', '__proto__', 'constructor', 'extra'), fc.option(fc.jsonValue(), { nil: undefined }))
  .map(([frame, key, value]) => {
    const copy: Record<string, unknown> = JSON.parse(JSON.stringify(frame)) as Record<string, unknown>;
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return JSON.stringify(copy);
  });

describe('checkClientFrame under fuzzing', () => {
  it('accepts every valid example', () => {
    for (const f of VALID) expect(checkClientFrame(JSON.stringify(f)).ok).toBe(true);
  });

  it('answers random text and bytes with a typed error or a valid message, never a throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => wellFormed(checkClientFrame(text))), { numRuns: 2000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => wellFormed(checkClientFrame(Buffer.from(bytes)))), { numRuns: 2000 });
    fc.assert(fc.property(fc.jsonValue(), (value) => wellFormed(checkClientFrame(JSON.stringify(value) ?? 'null'))), { numRuns: 2000 });
  });

  it('answers mutated frames, as text and as objects, the same way', () => {
    fc.assert(fc.property(mutatedText, (text) => wellFormed(checkClientFrame(text))), { numRuns: 3000 });
    fc.assert(fc.property(mutatedObject, (text) => wellFormed(checkClientFrame(text))), { numRuns: 3000 });
  });

  it('names an unknown key briefly, however long the key', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.string({ minLength: 400, maxLength: 4000 }), (frame, key) => {
        fc.pre(!(key in frame) && key !== '__proto__');
        const result = checkClientFrame(JSON.stringify({ ...frame, [key]: 1 }));
        wellFormed(result);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a frame past the size limit unread, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (pad) => {
        const text = JSON.stringify({ type: 'ping', pad: pad.repeat(Math.ceil((MAX_FRAME_BYTES + 1) / pad.length)) });
        expect(checkClientFrame(text)).toMatchObject({ ok: false, error: { code: 'frame-too-large' } });
      }),
      { numRuns: 50 },
    );
  });
});

describe('the creator frames', () => {
  it('accepts each, and refuses a bad target, a bad group id or a voice of another language', () => {
    for (const frame of VALID.slice(-5, -1)) expect(checkClientFrame(JSON.stringify(frame)).ok).toBe(true);
    expect(checkClientFrame(JSON.stringify({ type: 'take.send', take: 's_abc', target: 'moon' })).ok).toBe(false);
    expect(checkClientFrame(JSON.stringify({ type: 'take.another', group: '../x' })).ok).toBe(false);
    expect(checkClientFrame(JSON.stringify({ type: 'take.create', request: { ...request, voice: 'ko-high' } })).ok).toBe(false);
    expect(checkClientFrame(JSON.stringify({ type: 'lyrics.draft', request, extra: 1 })).ok).toBe(false);
  });
});
