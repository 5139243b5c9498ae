import { describe, expect, it } from '@jest/globals';
import type { SongRequest } from '@radio-optimism/shared';
import { flagAbuse } from './abuse-filter.js';

const req = (message: string, to = 'Ana'): SongRequest => ({ message, to, genre: 'pop', vibe: 'calm', language: 'en' });

describe('abuse filter', () => {
  it.each([
    ['en', 'you are a FUCK1NG idiot'],
    ['es', 'eres un pendejo'],
    ['pt', 'vai se foder'],
    ['fr', 'quel connard'],
    ['de', 'du Arschloch'],
    ['ko', '이 병신아'],
  ])('flags abuse in %s', (_lang, message) => {
    expect(flagAbuse(req(message)).length).toBeGreaterThan(0);
  });

  it.each(['Thank you for everything, Mom', 'Gracias por todo, te quiero', 'Obrigado por tudo', 'Merci pour tout', 'Danke für alles, Scheibe', '엄마 사랑해요', 'Happy birthday, Dickens fan! Passion fruit for Scunthorpe'])(
    'leaves loving words alone: %s',
    (message) => {
      expect(flagAbuse(req(message))).toEqual([]);
    },
  );

  it('looks at names too', () => {
    expect(flagAbuse(req('hi', 'shithead'))).toContain('en:shit*');
  });
});
