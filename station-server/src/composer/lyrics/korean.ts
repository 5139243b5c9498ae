// Korean lyrics here use the plain lyric register (반말: 사랑해, 고마워, 보고 싶어), as most Korean songs
// do. A sender's phrase in the polite register is brought to it by a light trim: 고마워요 -> 고마워,
// 사랑합니다 -> 사랑해. Forms that cannot be trimmed safely (고맙습니다) are left as written.

export function toPlainLyricForm(words: readonly string[]): string[] {
  return words.map((word, i) => {
    if (i !== words.length - 1 && !/[.!?,~]$/u.test(word)) return word;
    const match = /^(.*?)([.!?,~…]*)$/u.exec(word)!;
    const stem = match[1]!;
    const tail = match[2]!;
    if (stem.endsWith('합니다') && stem.length > 3) return `${stem.slice(0, -3)}해${tail}`;
    if (stem.endsWith('해요') || stem.endsWith('워요') || stem.endsWith('어요') || stem.endsWith('아요') || stem.endsWith('와요') || stem.endsWith('게요') || stem.endsWith('네요')) {
      return `${stem.slice(0, -1)}${tail}`;
    }
    if (stem.endsWith('예요') || stem.endsWith('이에요')) return `${stem.replace(/(이에요|예요)$/u, '야')}${tail}`;
    if (stem.endsWith('죠')) return `${stem.slice(0, -1)}지${tail}`;
    return word;
  });
}

// Calling a parent or an elder 너 is rude; songs use the poetic 그대 with the same plain endings.
const GEUDAE = new Map([
  ['네가', '그대가'], ['너는', '그대는'], ['넌', '그대는'], ['너를', '그대를'], ['널', '그대를'], ['너의', '그대의'], ['네', '그대'],
  ['너', '그대'], ['너와', '그대와'], ['너뿐이야', '그대뿐이야'], ['너만을', '그대만을'], ['너랑', '그대랑'],
]);

/** Replaces the familiar "you" (너 and its forms) by 그대, word by word; 너무 and the like are untouched. */
export function toGeudae(line: string): string {
  return line
    .split(' ')
    .map((word) => {
      const match = /^(.*?)([.!?,~…]*)$/u.exec(word)!;
      const swap = GEUDAE.get(match[1]!);
      return swap ? swap + match[2]! : word;
    })
    .join(' ');
}
