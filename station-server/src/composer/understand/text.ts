// Text helpers for reading a message: stripping emoji and decoration, folding case and accents so
// "Mamá", "mama" and "MAMA" meet the same lexicon entry, and cutting into words.

// Emoji and their glue (variation selectors, joiners, skin tones, keycaps, tags, flags).
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u200D\u20E3\u{E0020}-\u{E007F}]/gu;
const HANGUL = /[\uAC00-\uD7A3]/u;

export const hasHangul = (text: string): boolean => HANGUL.test(text);

/** The message without emoji, with typographic apostrophes made plain and runs of spaces collapsed. */
export function stripEmoji(text: string): string {
  return text.replace(EMOJI, ' ').replace(/[’ʼ]/gu, "'").replace(/[ \t]+/gu, ' ');
}

/** Lower case, accents removed (Latin letters only; Hangul is left whole), apostrophes as spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(?<=[a-zA-Z])\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/['’ʼ]/gu, ' ');
}

/** Folded words (letters and digits only). */
export function foldedWords(text: string): string[] {
  return fold(stripEmoji(text)).split(/[^\p{L}\p{N}-]+/u).filter((w) => w !== '' && w !== '-');
}
