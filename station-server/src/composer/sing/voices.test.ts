import { describe, expect, it, afterAll } from '@jest/globals';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGES, voicesFor, type Language } from '@radio-optimism/shared';
import type { SingInput } from '../types.js';
import { disposeSinger, sing, spokenLines } from './sing.js';
import { chooseVoice } from './voice.js';
import { encodeVocalsMidi, encodeWav16, fixture, measure } from './test-support.js';
import { trackPitch } from '../../songcheck/pitch-track.js';

const LINES: Record<Language, string[]> = {
  en: ['Hel-lo my friend you are the sun-shine', 'Thank you for eve-ry lit-tle thing you do'],
  es: ['Te quie-ro mu-cho ma-má que-ri-da', 'Gra-cias por to-do lo que ha-ces'],
  pt: ['O-bri-ga-do por tu-do meu a-mor', 'Vo-cê é a luz do meu co-ra-ção'],
  fr: ['Mer-ci pour tout mon a-mi', 'Tu es le so-leil de ma vie'],
  de: ['Dan-ke für al-les mei-ne Freun-din', 'Du bist die Son-ne mei-nes Le-bens'],
  ko: ['사-랑-해 우-리 엄-마', '고-마-워-요 언-제-나'],
};

const dir = mkdtempSync(join(tmpdir(), 'voices-test-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await disposeSinger();
});

/** The fixture's tune moved into a register: the low voice sings it 9 semitones lower, as compose does. */
function inRegister(input: SingInput, shift: number): SingInput {
  return { ...input, vocals: input.vocals.map((v) => ({ ...v, pitch: v.pitch + shift })) };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('voices', () => {
  it('names two voices per language and picks one for surprise by seed', () => {
    for (const language of LANGUAGES) {
      const [high, low] = voicesFor(language);
      expect(chooseVoice(language, 1, high)).toMatchObject({ name: high, register: 'high' });
      expect(chooseVoice(language, 1, low)).toMatchObject({ name: low, register: 'low' });
      expect(chooseVoice(language, 1, high).id).not.toBe(chooseVoice(language, 1, low).id);
    }
    const picks = new Set(Array.from({ length: 20 }, (_, seed) => chooseVoice('en', seed, 'surprise').name));
    expect([...picks].sort()).toEqual(['en-high', 'en-low']);
    expect(chooseVoice('en', 4, 'surprise')).toEqual(chooseVoice('en', 4, 'surprise'));
    // No choice keeps the earlier behaviour: a higher voice, by seed.
    expect(chooseVoice('en', 4).register).toBe('high');
  });

  for (const language of LANGUAGES) {
    it(`sings ${language} on the notes with the low voice, well under the high one`, async () => {
      const base = fixture(language, LINES[language], 3);
      const low = inRegister({ ...base, voice: `${language}-low` }, -9);
      const audio = await sing(low);
      const wav = join(dir, `${language}-low.wav`);
      const mid = join(dir, `${language}-low.mid`);
      writeFileSync(wav, encodeWav16(audio));
      writeFileSync(mid, encodeVocalsMidi(low.vocals));
      const m = measure(wav, mid, low.vocals);
      expect(m.pitchWithin50).toBeGreaterThanOrEqual(0.9);
      expect(m.coverage).toBeGreaterThanOrEqual(0.7);
      expect(m.syllablesSung).toBeGreaterThanOrEqual(0.85);
      // The two voices differ measurably: the low one's median pitch lies well below the high one's.
      const high = await sing({ ...base, voice: `${language}-high` });
      const f0 = (a: typeof audio): number => median(trackPitch(a).map((f) => f.f0).filter((x) => x > 0));
      expect(1200 * Math.log2(f0(high) / f0(audio))).toBeGreaterThan(600);
    }, 120_000);
  }
});

describe('sounds like', () => {
  const input = (respell?: SingInput['respell']): SingInput => {
    const base = fixture('en', ['Thank you Siob-han for eve-ry-thing', 'Siob-han, you are the sun'], 2);
    return respell ? { ...base, respell } : base;
  };

  it('speaks the respelling where the name is sung, over the name\'s own notes, and nothing else changes', () => {
    const plain = spokenLines(input());
    const respelled = spokenLines(input({ name: 'Siobhan', as: 'Shiv awn' }));
    expect(plain[0]!.map((w) => w.text)).toEqual(['Thank', 'you', 'Siobhan', 'for', 'everything']);
    expect(respelled[0]!.map((w) => w.text)).toEqual(['Thank', 'you', 'Shiv awn', 'for', 'everything']);
    expect(respelled[1]!.map((w) => w.text)).toEqual(['Shiv awn,', 'you', 'are', 'the', 'sun']);
    // The notes stay the name's: as many syllables in all as before.
    const count = (lines: typeof plain): number => lines.flat().reduce((n, w) => n + w.syllables, 0);
    expect(count(respelled)).toBe(count(plain));
    expect(respelled[0]![2]!.syllables).toBe(2);
  });

  it('matches a name of several words, ignoring case and punctuation', () => {
    const base = fixture('en', ['Hel-lo ma-ry ANN you shine'], 1);
    expect(spokenLines({ ...base, respell: { name: 'Mary Ann', as: 'Mairee Ann' } })[0]!.map((w) => w.text)).toEqual(['Hello', 'Mairee Ann', 'you', 'shine']);
  });

  it('sings the respelling: the voice differs where the name is sung', async () => {
    const a = await sing(input());
    const b = await sing(input({ name: 'Siobhan', as: 'Shiv awn' }));
    const name = input().vocals.filter((v) => v.line === 0 && v.word === 2);
    const energyOfDifference = (from: number, to: number): number => {
      let d = 0;
      for (let i = Math.floor(from * 44100); i < Math.floor(to * 44100); i++) d += (a.channels[0]![i]! - b.channels[0]![i]!) ** 2;
      return d;
    };
    expect(energyOfDifference(name[0]!.start, name[name.length - 1]!.start + name[name.length - 1]!.duration)).toBeGreaterThan(1);
  }, 60_000);
});
