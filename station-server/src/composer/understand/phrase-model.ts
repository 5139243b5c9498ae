// Where a message's phrases begin and end, so a sung line never starts or stops inside one. A message
// is cut into sentences (. ! ? line breaks), each sentence into pieces at boundaries of three
// strengths: punctuation (3), a word that opens a clause, i.e. a conjunction or relative pronoun (2),
// a preposition (1), and an article or possessive opening a noun phrase (0.5, a last resort); in Korean, after a comma, after a connective ending (-고, -서, -니까, -지만,
// -는데, -면) and after an adverbial particle. No boundary falls after a word that asks for what follows
// (an article, a preposition, a conjunction, a possessive, a subject pronoun, an auxiliary).
import type { Language } from '@radio-optimism/shared';
import type { KeyPhrase, PhrasePiece } from '../types.js';
import { SPEECH } from './speech/index.js';
import { sentencesOf } from './intent.js';

// Quote marks around words are decoration; an apostrophe inside a word (don't, l'amour) stays.
const EDGE_QUOTES = /^["“”„«»‹›'‘’`*_~()\[\]]+|["“”„«»‹›'‘’`*_~()\[\]]+$/gu;
const CLAUSE_MARK = /[,;:]$/u;
// Korean connective endings after which a clause may end (checked at the end of an 어절).
const KO_CONNECTIVES = ['니까', '지만', '는데', '은데', '는데도', '면서', '려고', '도록', '다가', '자마자', '어서', '아서', '해서', '워서', '줘서', '고', '서', '면', '며'];
// Auxiliaries that continue a verb in -고 / -서 (보고 싶어, 하고 있어, 먹어 봐): no break before them.
const KO_AUXILIARY = /^(싶|있|계|말|마|나서|놓|두|줘|주|봐|보|버)/u;
const KO_PARTICLES = ['에서', '에게', '한테', '까지', '부터', '마다', '처럼', '보다', '으로', '로'];

/** The message's sentences, each as pieces with the strength of the boundary before each. */
export function segment(message: string, language: Language): PhrasePiece[][] {
  return sentencesOf(stripMarkup(message)).map((sentence) => pieces(sentence, language)).filter((p) => p.length > 0);
}

function pieces(sentence: string, language: Language): PhrasePiece[] {
  const model = SPEECH[language];
  // A line ends on none of the words that open something (a clause, a prepositional or noun phrase).
  const dangling = new Set([...model.dangling, ...model.openers, ...model.prepositions, ...model.determiners]);
  const openers = new Set(model.openers);
  const prepositions = new Set(model.prepositions);
  const determiners = new Set(model.determiners);
  const words = sentence
    .replace(/\s[-–—]+\s/gu, ', ')
    .split(/\s+/u)
    .map((w) => w.replace(EDGE_QUOTES, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const bare = (w: string): string => lower(w.replace(/[^\p{L}\p{N}'’-]+$/u, ''));
  const verbFinal = new Set(model.verbFinal ?? []);
  const lastOf = (w: string): string => bare(w).split(/[^\p{L}\p{N}]+/u).filter(Boolean).pop() ?? '';
  const firstOf = (w: string): string => bare(w).split(/[^\p{L}\p{N}]+/u).filter(Boolean)[0] ?? '';
  const out: PhrasePiece[] = [];
  let current: string[] = [];
  let cut = 3;
  let inVerbFinal = verbFinal.has(firstOf(words[0] ?? ''));
  words.forEach((word, i) => {
    if (i > 0) {
      const prev = words[i - 1]!;
      let strength = boundary(prev, word, language, openers, prepositions, determiners);
      const asks = dangling.has(lastOf(prev)) || (language === 'ko' && /의$/u.test(bare(prev)));
      if (strength === 0 && model.contact && !asks && model.contact.subjects.includes(firstOf(word))) {
        const before = words.slice(Math.max(0, i - 3), i - 1).map(lastOf);
        if (before.some((w) => model.contact!.determiners.includes(w))) strength = 1;
      }
      if (strength >= 2) inVerbFinal = verbFinal.has(firstOf(word));
      else if (strength > 0 && inVerbFinal) strength = 0;
      if (strength > 0 && !asks) {
        out.push({ text: current.join(' '), cut });
        current = [];
        cut = strength;
      }
    }
    current.push(word);
  });
  if (current.length > 0) out.push({ text: current.join(' '), cut });
  // The sentence's last word keeps no trailing comma or colon.
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/[,;:]+$/u, '');
  return out;
}

function boundary(prev: string, word: string, language: Language, openers: ReadonlySet<string>, prepositions: ReadonlySet<string>, determiners: ReadonlySet<string>): number {
  if (CLAUSE_MARK.test(prev)) return 3;
  const first = lower(word).split(/[^\p{L}\p{N}]+/u).filter(Boolean)[0] ?? '';
  if (language === 'ko') {
    if (openers.has(word)) return 2;
    const stem = prev.replace(/[^\p{L}\p{N}]+$/u, '');
    if (KO_CONNECTIVES.some((e) => stem.endsWith(e)) && stem.length > 1 && !KO_AUXILIARY.test(word)) return 2;
    if (KO_PARTICLES.some((p) => stem.endsWith(p)) && stem.length > p0(stem)) return 1;
    return 0;
  }
  if (openers.has(first)) return 2;
  if (prepositions.has(first)) return 1;
  if (determiners.has(first)) return 0.5;
  return 0;
}

/** Lower case with accents kept (they tell é from e), apostrophes as spaces (l'amour is l amour). */
const lower = (w: string): string => w.normalize('NFC').toLowerCase().replace(/['’ʼ]/gu, ' ');

// A particle needs a word before it: 서울로 is a place and a particle, 로 alone is not.
const p0 = (stem: string): number => (KO_PARTICLES.find((p) => stem.endsWith(p)) ?? '').length;

/** Markup and code are not words to sing: `<b>`, `onerror="..."`, `{x}` and the like go, their text stays. */
export function stripMarkup(text: string): string {
  return text.replace(/<[^<>]*>/g, ' ').replace(/\S*[<>{}\[\]=\\|`~^]\S*/g, ' ');
}

/** Every run of whole clauses (pieces between boundaries of strength 2 or more) within one sentence. */
export function candidatePhrases(message: string, language: Language, maxWords: number): KeyPhrase[] {
  const out: KeyPhrase[] = [];
  segment(message, language).forEach((sentence, index) => {
    const starts = sentence.map((p, i) => (i === 0 || p.cut >= 2 ? i : -1)).filter((i) => i >= 0);
    for (const from of starts) {
      for (let to = from; to < sentence.length; to++) {
        if (to + 1 < sentence.length && sentence[to + 1]!.cut < 2) continue;
        const run = sentence.slice(from, to + 1).map((p, i) => (i === 0 ? { ...p, cut: 3 } : p));
        const text = run.map((p) => p.text).join(' ').replace(/[,;:]+$/u, '');
        const words = text.split(/\s+/u).length;
        if (words > maxWords) break;
        if (words < 2) continue;
        const piecesOut = run.map((p, i) => ({ ...p, text: i === run.length - 1 ? p.text.replace(/[,;:]+$/u, '') : p.text }));
        out.push({ text, sentence: index, whole: from === 0 && to === sentence.length - 1, act: false, pieces: piecesOut });
      }
    }
  });
  return out;
}
