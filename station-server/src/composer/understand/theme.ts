// The fallback for a message that makes no speech act (intent.ts decides otherwise): each theme's topic
// words, in the song's language first and the other languages at half weight (people mix languages).
// With no hit at all the relation and the vibe decide.
import { LANGUAGES, THEMES, type Language, type Relation, type Theme, type Vibe } from '@radio-optimism/shared';
import { LEXICONS } from './lexicons/index.js';
import { countHits, type FoldedMessage } from './match.js';

const BY_RELATION: Partial<Record<Relation, Theme>> = { partner: 'love', family: 'gratitude', team: 'pride', self: 'encouragement', pet: 'love' };
const BY_VIBE: Record<Vibe, Theme> = { upbeat: 'celebration', playful: 'celebration', heartfelt: 'love', calm: 'gratitude', epic: 'encouragement', nostalgic: 'missing-you' };

// On a tie the occasion wins: "happy birthday ... love you" is a birthday song, and "love you" or
// "thanks" close many messages whatever they are about.
// Used only when no sentence makes a speech act (see intent.ts): topic words are all there is.
const TIE_ORDER: readonly Theme[] = ['celebration', 'apology', 'missing-you', 'pride', 'encouragement', 'gratitude', 'love'];

export interface ThemeScores {
  theme: Theme;
  scores: Record<Theme, number>;
}

export function detectTheme(message: FoldedMessage, language: Language, hangul: boolean, relation: Relation, vibe: Vibe): ThemeScores {
  const scores = Object.fromEntries(THEMES.map((t) => [t, 0])) as Record<Theme, number>;
  for (const lang of LANGUAGES) {
    if (lang === 'ko' && !hangul) continue;
    const weight = lang === language ? 1 : 0.5;
    const lexicon = LEXICONS[lang];
    const stops = stopSet(lang);
    for (const theme of THEMES) scores[theme] += weight * countHits(message, lexicon.themes[theme], lang, stops);
  }
  let best: Theme | undefined;
  for (const theme of TIE_ORDER) if (scores[theme] > 0 && (best === undefined || scores[theme] > scores[best])) best = theme;
  return { theme: best ?? BY_RELATION[relation] ?? BY_VIBE[vibe], scores };
}

const stopSets = new Map<Language, ReadonlySet<string>>();
export function stopSet(lang: Language): ReadonlySet<string> {
  let set = stopSets.get(lang);
  if (!set) {
    set = new Set(LEXICONS[lang].stopWords);
    stopSets.set(lang, set);
  }
  return set;
}
