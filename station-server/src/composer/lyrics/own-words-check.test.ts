import { describe, expect, it } from '@jest/globals';
import type { SongCheck } from '../../songcheck/check-song.js';
import { ownWordsMayLeaveOutTheName } from './own-words-check.js';

const check = (namesOk: boolean, pitchOk = true): SongCheck => ({
  passed: namesOk && pitchOk,
  results: [
    { name: 'vocal pitch', ok: pitchOk, value: '97%', expected: 'at least 80%' },
    { name: 'names the recipient', ok: namesOk, value: namesOk ? '"Ana" is sung' : '"Ana" is not in the lyric', expected: 'the lyric names the recipient' },
  ],
});

describe('own words that leave out the name', () => {
  it('let the name measure give way only for own words without the name, saying why', () => {
    const c = check(false);
    ownWordsMayLeaveOutTheName(c, { to: 'Ana', lyrics: 'you light the morning' });
    expect(c.passed).toBe(true);
    expect(c.results[1]!.value).toMatch(/own words, sent despite the warning/);
  });

  it('still fails the writer\'s words without the name, and any other failing measure', () => {
    const writer = check(false);
    ownWordsMayLeaveOutTheName(writer, { to: 'Ana' });
    expect(writer.passed).toBe(false);
    const offKey = check(false, false);
    ownWordsMayLeaveOutTheName(offKey, { to: 'Ana', lyrics: 'you light the morning' });
    expect(offKey.passed).toBe(false);
    // Own words that name the recipient but are not sung clearly enough to be heard stay failed too.
    const named = check(false);
    ownWordsMayLeaveOutTheName(named, { to: 'Ana', lyrics: 'Ana you light the morning' });
    expect(named.passed).toBe(false);
  });
});
