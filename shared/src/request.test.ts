import { describe, expect, it } from '@jest/globals';
import { MAX_FRAME_BYTES } from './protocol.js';
import { checkSongRequest, LIMITS, lyricSections, lyricsWarnings, stripBidiControls, voicesFor } from './request.js';

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

describe('the sender\'s own words', () => {
  const lyrics = 'Mom you gave me everything\nI sing it back to you\n\n\n\nThank you Mom\r\nThank you for the light';

  it('accepts lyrics, unifying line ends and blank lines between sections', () => {
    const checked = checkSongRequest({ ...base, lyrics });
    expect(checked).toMatchObject({ ok: true, request: { lyrics: 'Mom you gave me everything\nI sing it back to you\n\nThank you Mom\nThank you for the light' } });
    expect(lyricSections(checked.ok ? checked.request.lyrics! : '')).toEqual([
      ['Mom you gave me everything', 'I sing it back to you'],
      ['Thank you Mom', 'Thank you for the light'],
    ]);
  });

  it('removes bidirectional controls from lyrics, so no line can be turned around', () => {
    expect(checkSongRequest({ ...base, lyrics: '\u202EMom you are\u2066 the best\n\u200Fsing' })).toMatchObject({ ok: true, request: { lyrics: 'Mom you are the best\nsing' } });
  });

  it('refuses empty lyrics, and lyrics with nothing to sing', () => {
    expect(checkSongRequest({ ...base, lyrics: ' \n\n ' })).toMatchObject({ ok: false, field: 'lyrics', message: expect.stringMatching(/^lyrics are empty: /) });
    expect(checkSongRequest({ ...base, lyrics: '... !!!\n\n💕' })).toMatchObject({ ok: false, field: 'lyrics', message: 'lyrics have no words to sing: write at least one line with words' });
  });

  it('refuses control characters, tabs included', () => {
    for (const c of ['\u0000', '\t', '\u001B', '\u0085']) {
      expect(checkSongRequest({ ...base, lyrics: `Mom you are${c} the best` })).toMatchObject({ ok: false, field: 'lyrics', message: expect.stringMatching(/^lyrics hold control characters/) });
    }
  });

  it('refuses too many characters, too many lines and too long a line, and says which line', () => {
    const line = 'Mom I love you so';
    const many = Array.from({ length: LIMITS.lyricsMaxLines + 1 }, () => line).join('\n');
    expect(checkSongRequest({ ...base, lyrics: many })).toMatchObject({ ok: false, field: 'lyrics', message: `lyrics have ${LIMITS.lyricsMaxLines + 1} lines: use at most ${LIMITS.lyricsMaxLines}` });
    const exactly = Array.from({ length: LIMITS.lyricsMaxLines }, () => line).join('\n');
    expect(checkSongRequest({ ...base, lyrics: exactly }).ok).toBe(true);
    const long = `${line}\n${'la '.repeat(30)}la`;
    expect(checkSongRequest({ ...base, lyrics: long })).toMatchObject({ ok: false, field: 'lyrics', message: expect.stringMatching(/^lyrics line 2 is too long: /) });
    const fits = `${line}\n${'x'.repeat(LIMITS.lyricsLineMaxChars)}`;
    expect(checkSongRequest({ ...base, lyrics: fits }).ok).toBe(true);
    const huge = Array.from({ length: 30 }, () => 'y'.repeat(LIMITS.lyricsLineMaxChars - 20)).join('\n');
    expect(huge.length).toBeGreaterThan(LIMITS.lyricsMaxChars);
    expect(checkSongRequest({ ...base, lyrics: huge })).toMatchObject({ ok: false, field: 'lyrics', message: `lyrics are too long: use at most ${LIMITS.lyricsMaxChars} characters` });
    expect(checkSongRequest({ ...base, lyrics: 12 })).toMatchObject({ ok: false, field: 'lyrics', message: 'lyrics must be text' });
  });

  it('fits the longest Hangul message and lyrics in one phone frame', () => {
    const line = '가'.repeat(LIMITS.lyricsLineMaxChars - 10);
    let lyrics = '';
    while ((lyrics + line).length + 1 <= LIMITS.lyricsMaxChars) lyrics += `${line}\n`;
    const request = { ...base, language: 'ko', message: '나'.repeat(LIMITS.messageMaxChars), to: '다'.repeat(LIMITS.nameMaxChars), from: '라'.repeat(LIMITS.nameMaxChars), soundsLike: '마'.repeat(LIMITS.nameMaxChars), voice: 'ko-low', lyrics: lyrics.trim() };
    expect(checkSongRequest(request).ok).toBe(true);
    const frame = JSON.stringify({ type: 'dedication.create', request, target: 'tv' });
    expect(Buffer.byteLength(frame)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
  });

  it('warns, without refusing, when the words leave out the recipient\'s name', () => {
    const checked = checkSongRequest({ ...base, lyrics: 'You gave me everything\nI sing it back to you' });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(lyricsWarnings(checked.request)).toEqual([{ code: 'name-missing', message: expect.stringMatching(/^the words never say "Mom": add the name/) }]);
    expect(lyricsWarnings({ to: 'Mom', lyrics: 'thank you, MOM' })).toEqual([]);
    expect(lyricsWarnings({ to: 'Mom' })).toEqual([]);
  });
});

describe('voices and how a name sounds', () => {
  it('accepts each voice of the language, and surprise', () => {
    for (const voice of [...voicesFor('en'), 'surprise']) expect(checkSongRequest({ ...base, voice })).toMatchObject({ ok: true, request: { voice } });
    expect(voicesFor('ko')).toEqual(['ko-high', 'ko-low']);
  });

  it('refuses a voice of another language or an unknown one, listing the right ones', () => {
    expect(checkSongRequest({ ...base, voice: 'fr-low' })).toEqual({ ok: false, field: 'voice', message: 'unknown voice "fr-low" for en: use one of en-high, en-low, surprise' });
    expect(checkSongRequest({ ...base, voice: 'robot' })).toMatchObject({ ok: false, field: 'voice', message: expect.stringMatching(/^unknown voice "robot" for en/) });
    expect(checkSongRequest({ ...base, voice: 3 })).toMatchObject({ ok: false, field: 'voice', message: 'voice must be text' });
  });

  it('validates soundsLike like a name', () => {
    expect(checkSongRequest({ ...base, to: 'Siobhan', soundsLike: ' Shiv-awn ' })).toMatchObject({ ok: true, request: { soundsLike: 'Shiv-awn' } });
    expect(checkSongRequest({ ...base, soundsLike: '' })).toMatchObject({ ok: false, field: 'soundsLike', message: 'soundsLike is empty: write a name' });
    expect(checkSongRequest({ ...base, soundsLike: 'a\u0007b' })).toMatchObject({ ok: false, field: 'soundsLike', message: 'soundsLike holds control characters: remove them' });
    expect(checkSongRequest({ ...base, soundsLike: 'x'.repeat(LIMITS.nameMaxChars + 1) })).toMatchObject({ ok: false, field: 'soundsLike', message: expect.stringMatching(/too long/) });
    expect(checkSongRequest({ ...base, soundsLike: '\u202EShiv' })).toMatchObject({ ok: true, request: { soundsLike: 'Shiv' } });
  });
});
