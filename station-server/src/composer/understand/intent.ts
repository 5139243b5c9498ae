// What the message does: thanks, sorry, congratulations, I miss you, I love you, good luck, I'm proud
// of you. Each sentence is read for speech-act cues (speech/<lang>.ts), not for topic words: "birthday"
// says nothing about intent, "happy birthday" congratulates and "sorry I forgot your birthday"
// apologises. A cue right after a negation in its clause does not count ("I didn't forget"); the first
// sentence weighs a little more (people lead with the point); and a short closing "love you" or
// "thanks" after another act is discounted, since it closes many messages whatever they are about.
import { THEMES, type Language, type Theme } from '@radio-optimism/shared';
import { SPEECH, type Cue, type SpeechModel } from './speech/index.js';
import { DEFAULT_WEIGHT } from './speech/model.js';
import { fold, stripEmoji } from './text.js';

export interface IntentReading {
  intent: Theme;
  scores: Record<Theme, number>;
}

interface Hit {
  intent: Theme;
  weight: number;
  sentence: number;
}

const FIRST_SENTENCE = 1.2;
const CLOSING = 0.3;
const CLOSING_INTENTS: ReadonlySet<Theme> = new Set(['love', 'gratitude']);
// On an exact tie: an apology is the point whenever one is made; a love declaration rides along most.
const TIE_ORDER: readonly Theme[] = ['apology', 'gratitude', 'celebration', 'missing-you', 'pride', 'encouragement', 'love'];

/** Sentences of a message (at . ! ? … and line breaks), emoji removed. */
export function sentencesOf(message: string): string[] {
  return stripEmoji(message)
    .split(/[.!?…。]+|\n+/u)
    .map((s) => s.replace(/[¡¿]/gu, ' ').trim())
    .filter((s) => /\p{L}/u.test(s));
}

/** The message's intent, or undefined when no sentence carries a speech-act cue. */
export function detectIntent(message: string, language: Language): IntentReading | undefined {
  const model = SPEECH[language];
  const sentences = sentencesOf(message);
  const hits: Hit[] = [];
  sentences.forEach((sentence, index) => {
    for (const clause of sentence.split(/[,;:]|\s[-–—]\s/u)) {
      for (const hit of language === 'ko' ? koreanHits(clause, model) : wordHits(clause, model)) hits.push({ ...hit, sentence: index });
    }
  });
  if (hits.length === 0) return undefined;
  const last = sentences.length - 1;
  const isClosing = (h: Hit): boolean =>
    sentences.length > 1 && h.sentence === last && CLOSING_INTENTS.has(h.intent) && wordCount(sentences[last]!, language) <= (language === 'ko' ? 3 : 5);
  // A closing formula is discounted only when another sentence makes a strong act of its own.
  const otherAct = hits.some((h) => !isClosing(h) && h.weight >= 2.5);
  const scores = Object.fromEntries(THEMES.map((t) => [t, 0])) as Record<Theme, number>;
  for (const h of hits) {
    let w = h.weight * (h.sentence === 0 ? FIRST_SENTENCE : 1);
    if (otherAct && isClosing(h)) w *= CLOSING;
    scores[h.intent] += w;
  }
  let best: Theme = TIE_ORDER[0]!;
  for (const t of TIE_ORDER) if (scores[t] > scores[best]) best = t;
  return { intent: best, scores };
}

/** Whether `text` carries a cue for `intent` (used to rank the sender's phrases). */
export function carriesIntent(text: string, language: Language, intent: Theme): boolean {
  const model = SPEECH[language];
  return text.split(/[,;:]/u).some((clause) => (language === 'ko' ? koreanHits(clause, model) : wordHits(clause, model)).some((h) => h.intent === intent));
}

const wordCount = (sentence: string, language: Language): number =>
  language === 'ko' ? sentence.split(/\s+/u).filter(Boolean).length : tokens(sentence).length;

export const tokens = (text: string): string[] => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const cueOf = (cue: Cue): [string, number] => (typeof cue === 'string' ? [cue, DEFAULT_WEIGHT] : [cue[0], cue[1]]);

interface Span {
  intent: Theme;
  weight: number;
  start: number;
  end: number;
}

/** Longest cues first, no two sharing a word; then those right after a negation are dropped. */
function resolve(spans: Span[], negated: (s: Span) => boolean): Omit<Hit, 'sentence'>[] {
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || b.weight - a.weight);
  const taken: Span[] = [];
  for (const s of spans) if (!taken.some((t) => s.start < t.end && t.start < s.end)) taken.push(s);
  return taken.filter((s) => !negated(s)).map(({ intent, weight }) => ({ intent, weight }));
}

function wordHits(clause: string, model: SpeechModel): Omit<Hit, 'sentence'>[] {
  const words = tokens(clause);
  const spans: Span[] = [];
  for (const intent of THEMES) {
    for (const raw of model.acts[intent]) {
      const [cue, weight] = cueOf(raw);
      const pattern = cue.split(' ');
      for (let start = 0; start < words.length; start++) {
        const end = matchAt(words, start, pattern, 0);
        if (end !== undefined) spans.push({ intent, weight, start, end });
      }
    }
  }
  const negators = model.negators.map((n) => ` ${n} `);
  return resolve(spans, (s) => {
    const before = ` ${words.slice(Math.max(0, s.start - 2), s.start).join(' ')} `;
    return negators.some((n) => before.includes(n));
  });
}

/** The word index just past a match of `pattern` from `at`, or undefined. */
function matchAt(words: readonly string[], at: number, pattern: readonly string[], p: number): number | undefined {
  if (p === pattern.length) return at;
  const part = pattern[p]!;
  if (part === '~') {
    for (let skip = 0; skip <= 2 && at + skip <= words.length; skip++) {
      const end = matchAt(words, at + skip, pattern, p + 1);
      if (end !== undefined) return end;
    }
    return undefined;
  }
  const word = words[at];
  if (word === undefined) return undefined;
  const ok = part.endsWith('*') ? word.startsWith(part.slice(0, -1)) : word === part;
  return ok ? matchAt(words, at + 1, pattern, p + 1) : undefined;
}

function koreanHits(clause: string, model: SpeechModel): Omit<Hit, 'sentence'>[] {
  const text = fold(clause).replace(/\s+/gu, ' ').trim();
  const spans: Span[] = [];
  for (const intent of THEMES) {
    for (const raw of model.acts[intent]) {
      const [cue, weight] = cueOf(raw);
      for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) spans.push({ intent, weight, start: at, end: at + cue.length });
    }
  }
  const after = model.negatorsAfter ?? [];
  return resolve(spans, (s) => {
    // 안/못 as the word before the cue's word; 아니/않/없 in the rest of its word or the next two.
    const wordStart = text.lastIndexOf(' ', s.start - 1);
    const previous = text.slice(0, Math.max(0, wordStart)).split(' ').pop() ?? '';
    if (wordStart >= 0 && model.negators.includes(previous)) return true;
    const following = text.slice(s.end).split(' ').slice(0, 3).join(' ');
    return after.some((n) => following.includes(n));
  });
}
