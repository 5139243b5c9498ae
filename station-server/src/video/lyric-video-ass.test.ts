import { assText, lyricVideoAss, sungLines } from './lyric-video-ass.js';

const VTT = `WEBVTT

1
00:00:00.500 --> 00:00:02.000
good <00:00:01.000>morning <00:00:01.500>Mom

2
00:00:02.500 --> 00:00:04.000
사랑해 <00:00:03.000>엄마

NOTE a note is not sung

3
00:00:04.500 --> 00:00:06.000
{\\b1}evil <00:00:05.000>&amp; kind
`;

describe('sungLines', () => {
  it('reads each word and when it starts from the karaoke tags', () => {
    const lines = sungLines(VTT);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ start: 0.5, end: 2, words: [{ text: 'good', start: 0.5 }, { text: 'morning', start: 1 }, { text: 'Mom', start: 1.5 }] });
    expect(lines[1]!.words.map((w) => w.text)).toEqual(['사랑해', '엄마']);
    expect(lines[2]!.words.map((w) => w.text)).toEqual(['{\\b1}evil', '&', 'kind']);
  });
});

describe('lyricVideoAss', () => {
  const script = lyricVideoAss({ title: 'Hi {\\fs200}', forLine: 'A song for Mom', fromLine: 'from Ana', footer: 'Radio Optimism', lines: sungLines(VTT), durationSec: 7 });
  const events = script.split('\n').filter((l) => l.startsWith('Dialogue:'));

  it('sweeps each word for as long as it is sung', () => {
    const first = events.find((e) => e.includes(',Sung,') && e.includes('good'))!;
    // 0.5 s from the line's start to its first word's end; the last word runs to the line's end.
    expect(first).toContain('{\\kf50}good {\\kf50}morning {\\kf50}Mom');
    expect(first.startsWith('Dialogue: 2,0:00:00.50,0:00:02.50,')).toBe(true);
  });

  it('shows the next line dimmed while one is sung, and none after the last', () => {
    const next = events.filter((e) => e.includes(',Next,'));
    expect(next).toHaveLength(2);
    expect(next[0]).toContain('사랑해 엄마');
  });

  it('never lets typed text become an ASS command', () => {
    expect(assText('a{\\b1}b\\N')).toBe('a｛＼b1｝b＼N');
    for (const e of events) expect(e.slice(e.indexOf(',,0,0,0,,') + 9).replace(/\{\\[^}]*\}/g, '')).not.toMatch(/[{}\\]/);
    expect(script).toContain('Hi ｛＼fs200｝');
  });

  it('keeps the title, the names and the footer up for the whole song', () => {
    expect(events.filter((e) => e.startsWith('Dialogue: 1,0:00:00.00,0:00:07.00,'))).toHaveLength(3);
    expect(script).toContain('A song for Mom · from Ana');
  });
});
