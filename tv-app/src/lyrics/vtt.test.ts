import { activeCueIndex, parseTimestamp, parseVtt, wordsSung } from './vtt';

const SAMPLE = `WEBVTT

1
00:00:01.000 --> 00:00:03.500
Happy <00:00:01.800>birthday <00:00:02.600>Mom

2
00:00:05.000 --> 00:00:07.000
Tom &amp; Jerry &lt;3
`;

describe('parseVtt', () => {
  it('reads cues, word timestamps and escapes', () => {
    const cues = parseVtt(SAMPLE);
    expect(cues).toHaveLength(2);
    expect(cues[0]).toMatchObject({ start: 1, end: 3.5, text: 'Happy birthday Mom' });
    expect(cues[0]!.words.map((w) => w.start)).toEqual([1, 1.8, 2.6]);
    expect(cues[1]!.text).toBe('Tom & Jerry <3');
  });

  it('accepts timestamps without hours and skips broken blocks', () => {
    expect(parseTimestamp('01:02.500')).toBe(62.5);
    expect(parseVtt('WEBVTT\n\nnot --> a cue\nx\n\n00:01.000 --> 00:02.000\nok')).toHaveLength(1);
  });
});

describe('activeCueIndex', () => {
  const cues = parseVtt(SAMPLE);
  it('is -1 before the first line, then holds the last line sung', () => {
    expect(activeCueIndex(cues, 0.5)).toBe(-1);
    expect(activeCueIndex(cues, 1)).toBe(0);
    expect(activeCueIndex(cues, 4.2)).toBe(0);
    expect(activeCueIndex(cues, 5.1)).toBe(1);
  });
  it('counts the words reached', () => {
    expect(wordsSung(cues[0]!, 2)).toBe(2);
    expect(wordsSung(cues[0]!, 0)).toBe(0);
  });
});
