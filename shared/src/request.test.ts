import { describe, expect, it } from '@jest/globals';
import { checkSongRequest, stripBidiControls } from './request.js';

const base = { message: 'Thank you for everything', to: 'Mom', genre: 'pop', vibe: 'calm', language: 'en' };

describe('song request validation', () => {
  it('says a field of the wrong type must be text, not that it is missing', () => {
    expect(checkSongRequest({ ...base, message: 42 })).toEqual({ ok: false, field: 'message', message: 'message must be text' });
    expect(checkSongRequest({ ...base, to: ['Mom'] })).toEqual({ ok: false, field: 'to', message: 'to must be text' });
    expect(checkSongRequest({ ...base, genre: 3 })).toMatchObject({ ok: false, field: 'genre', message: expect.stringMatching(/^genre must be one of pop, /) });
  });

  it('still says a field that is absent is missing', () => {
    const { message: _m, ...noMessage } = base;
    expect(checkSongRequest(noMessage)).toEqual({ ok: false, field: 'message', message: 'message is missing' });
    const { genre: _g, ...noGenre } = base;
    expect(checkSongRequest(noGenre)).toMatchObject({ ok: false, field: 'genre', message: expect.stringMatching(/^genre is missing: use one of pop, /) });
    expect(checkSongRequest({ ...base, to: undefined })).toEqual({ ok: false, field: 'to', message: 'to is missing' });
  });

  it('removes bidirectional controls from names, so nothing can turn a name around', () => {
    const controls = ['\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F'];
    for (const c of controls) {
      const checked = checkSongRequest({ ...base, to: `${c}Ana${c}`, from: `Bo${c}b` });
      expect(checked).toMatchObject({ ok: true, request: { to: 'Ana', from: 'Bob' } });
    }
    // A name made only of controls is empty, and says so.
    expect(checkSongRequest({ ...base, to: '\u202E\u2066' })).toMatchObject({ ok: false, field: 'to', message: 'to is empty: write a name' });
    // Right-to-left names themselves are untouched.
    expect(stripBidiControls('שרה')).toBe('שרה');
  });
});
