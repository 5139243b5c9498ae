import { describe, expect, it } from '@jest/globals';
import type { Language, SongRequest } from '@radio-optimism/shared';
import { understand } from './understand.js';

const req = (language: Language, message: string, to = 'Ana', extra: Partial<SongRequest> = {}): SongRequest => ({
  message,
  to,
  language,
  genre: 'pop',
  vibe: 'heartfelt',
  ...extra,
});

describe('understand: theme', () => {
  it.each([
    ['en', 'Thank you so much for everything you did for me', 'gratitude'],
    ['en', 'Good luck tomorrow, you got this, I believe in you', 'encouragement'],
    ['en', "I'm so sorry, please forgive me", 'apology'],
    ['es', 'Te extraño mucho, vuelve pronto a casa', 'missing-you'],
    ['es', '¡Feliz cumpleaños! Que la pases genial', 'celebration'],
    ['pt', 'Estou muito orgulhoso de você, você conseguiu!', 'pride'],
    ['pt', 'Te amo demais, meu coração é seu', 'love'],
    ['fr', 'Merci pour tout, tu es toujours là pour moi', 'gratitude'],
    ['fr', 'Pardon pour hier, je suis désolé', 'apology'],
    ['de', 'Alles Gute zum Geburtstag!', 'celebration'],
    ['de', 'Ich vermisse dich so sehr', 'missing-you'],
    ['ko', '시험 잘 봐! 힘내, 넌 할 수 있어', 'encouragement'],
    ['ko', '정말 미안해, 내가 잘못했어', 'apology'],
  ] as [Language, string, string][])('%s "%s" -> %s', (language, message, theme) => {
    expect(understand(req(language, message)).theme).toBe(theme);
  });

  it('falls back on the relation, then the vibe, when no word matches', () => {
    expect(understand(req('en', 'hi', 'Sam', { relation: 'partner' })).theme).toBe('love');
    expect(understand(req('en', 'hi', 'Sam', { relation: 'team' })).theme).toBe('pride');
    expect(understand(req('en', 'hi', 'Sam', { vibe: 'nostalgic' })).theme).toBe('missing-you');
  });
});

describe('understand: relation and names', () => {
  it('keeps a given relation and infers one from words in any of the six languages', () => {
    expect(understand(req('en', 'love you', 'Mom', { relation: 'friend' })).relation).toBe('friend');
    expect(understand(req('en', 'love you', 'Mom')).relation).toBe('family');
    expect(understand(req('es', 'Gracias, mamá', 'Rosa')).relation).toBe('family');
    expect(understand(req('pt', 'Obrigado, mãe', 'Rosa')).relation).toBe('family');
    expect(understand(req('fr', 'Merci maman', 'Rosa')).relation).toBe('family');
    expect(understand(req('de', 'Danke, Mama', 'Rosa')).relation).toBe('family');
    expect(understand(req('ko', '엄마 고마워', '김영희')).relation).toBe('family');
    expect(understand(req('en', 'best friend forever', 'Jo')).relation).toBe('friend');
    expect(understand(req('en', 'hello there', 'Jo')).relation).toBe('other');
  });

  it('trims names but never changes them', () => {
    const u = understand(req('en', 'hi', '  María-José 💖 ', { from: ' 민수 ' }));
    expect(u.recipient).toBe('María-José 💖');
    expect(u.sender).toBe('민수');
    expect(understand(req('en', 'hi', 'נועה')).recipient).toBe('נועה');
  });
});

describe('understand: key phrases', () => {
  it('cuts the message at clause boundaries, theme-bearing phrases first', () => {
    const u = understand(req('en', 'Hey! I just wanted to say thank you for always being there. You are the best mom ever.'));
    expect(u.keyPhrases[0]).toMatch(/thank you/);
    for (const p of u.keyPhrases) {
      const n = p.split(/\s+/).length;
      expect(n).toBeGreaterThanOrEqual(2);
      // A phrase may now fill two sung lines: it is kept whole rather than cut to a seven-word window.
      expect(n).toBeLessThanOrEqual(14);
    }
  });

  it('drops emoji and quote marks, keeps accents and apostrophes', () => {
    const u = understand(req('fr', '« Je t’aime » 💕💕 mon cœur, tu es ma joie'));
    expect(u.keyPhrases.join(' ')).not.toMatch(/[«»💕]/u);
    expect(u.keyPhrases.some((p) => p.includes('cœur') || p.includes('joie'))).toBe(true);
  });

  it('keeps Korean phrases to 2-8 eojeol (at most two sung lines), whole clauses', () => {
    const u = understand(req('ko', '엄마 항상 고마워요. 아프지 말고 오래오래 건강하게 지내요. 사랑해요'));
    expect(u.keyPhrases.length).toBeGreaterThan(0);
    for (const p of u.keyPhrases) expect(p.split(' ').length).toBeLessThanOrEqual(8);
    expect(u.keyPhrases).toContain('아프지 말고 오래오래 건강하게 지내요');
  });

  it('handles a one-word message, line breaks and RTL text', () => {
    expect(understand(req('en', 'hi')).keyPhrases).toEqual([]);
    const u = understand(req('en', 'Happy birthday habibi\nمع السلامة\nlove you', 'نور'));
    expect(u.theme).toBe('celebration');
    expect(u.keyPhrases).toContain('Happy birthday habibi');
  });

  it('reads occasions and details apart from the intent', () => {
    const sorry = understand(req('pt', 'Desculpa por ter esquecido o teu aniversário. Prometo uma festa enorme.'));
    expect(sorry.theme).toBe('apology');
    expect(sorry.details).toContain('birthday');
    // The phrase that makes the act and names the detail is the one to sing.
    expect(sorry.keyPhrases[0]).toBe('Desculpa por ter esquecido o teu aniversário');
    expect(understand(req('en', 'Thanks for every single morning')).details).toEqual([]);
    expect(understand(req('ko', '우리 강아지 초코야, 산책할 때마다 꼬리 흔들어 줘서 고마워.')).details).toContain('pet');
  });
});
