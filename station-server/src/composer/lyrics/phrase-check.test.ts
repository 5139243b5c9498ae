// The phrase check: songs for all 48 genre x vibe pairs in all six languages, from the labelled
// messages (lyrics stage only). A line taken from a message must not end on a word that asks for what
// follows, the lines of one sentence must be sung together and in order, and a bank couplet is never
// split. The boundary lists (phrase-check-support.ts) are the check's own, written apart from the
// phrase model's, so the rate of lines that start or end inside a phrase measures the model rather
// than restating it.
import { describe, expect, it } from '@jest/globals';
import { GENRES, LANGUAGES, VIBES, type Language } from '@radio-optimism/shared';
import { understand } from '../understand/understand.js';
import { INTENT_SET } from '../understand/intent-set.js';
import { writeLyrics } from './lyrics.js';
import { BANKS } from './banks/index.js';
import { toGeudae } from './korean.js';
import { DANGLING, bare, fold, measureLines, type Found } from './phrase-check-support.js';

describe('phrase check: 48 genre x vibe pairs in six languages', () => {
  it('keeps message phrases whole and sentences together; reports lines that start or end inside a phrase', () => {
    let messageLines = 0;
    let inside = 0;
    const examples: string[] = [];
    for (const language of LANGUAGES) {
      const messages = INTENT_SET.filter((e) => e.language === language);
      const bank = BANKS[language];
      const couplets = [...Object.values(bank.verse).flat(), ...Object.values(bank.bridge).flat(), ...Object.values(bank.vibe).flat(), ...bank.any];
      GENRES.forEach((genre, g) =>
        VIBES.forEach((vibe, v) => {
          const example = messages[(g * VIBES.length + v) % messages.length]!;
          const u = understand({ message: example.message, to: 'Ana', language, genre, vibe, ...(example.relation ? { relation: example.relation } : {}) });
          const lyrics = writeLyrics(u, { genre, vibe, seed: g * 31 + v });
          const lines = lyrics.sections.flatMap((s) => s.lines.map((l) => l.text));
          const { found, inside: outOfPhrase } = measureLines(lines, example.message, language);
          for (const f of found) {
            messageLines++;
            const last = bare(f.sentenceWords[f.to - 1]!);
            // A sentence's own last word ends it ("as loud as you are"); anywhere else it must not dangle.
            if (f.to < f.sentenceWords.length && DANGLING[language].has(last)) throw new Error(`${language} line ends on "${last}": ${lines[f.line]} (from "${example.message}")`);
            if (outOfPhrase.includes(f)) {
              inside++;
              examples.push(`${language}: ${lines[f.line]}  <- ${example.message}`);
            }
          }
          // Lines from one sentence are consecutive song lines, in the sentence's order, with no gap.
          const bySentence = new Map<number, Found[]>();
          for (const f of found) bySentence.set(f.sentence, [...(bySentence.get(f.sentence) ?? []), f]);
          for (const group of bySentence.values()) {
            // The chorus repeats, so compare only the first run of lines from a sentence.
            const run = group.filter((f, i) => i === 0 || f.line === group[i - 1]!.line + 1);
            expect(run.length).toBe(group.length);
            for (let i = 1; i < run.length; i++) expect(run[i]!.from).toBe(run[i - 1]!.to);
          }
          // A bank couplet is never split by another line.
          // (Korean lines to an elder say 그대 where the bank says 너: compare both in that form.)
          const same = (l: string): string => fold(language === 'ko' ? toGeudae(l) : l);
          const low = lines.map(same);
          for (const [a, b] of couplets) {
            const at = low.indexOf(same(a));
            if (at >= 0) expect(low[at + 1]).toBe(same(b));
          }
          // The song names the recipient.
          expect(lines.some((l) => l.includes('Ana'))).toBe(true);
        }),
      );
    }
    const rate = inside / messageLines;
    process.stdout.write(`phrase check: ${messageLines} message lines, ${inside} start or end inside a phrase (${(rate * 100).toFixed(1)}%)\n${examples.slice(0, 20).join('\n')}\n`);
    expect(messageLines).toBeGreaterThan(400);
    expect(rate).toBeLessThanOrEqual(0.05);
  });
});
