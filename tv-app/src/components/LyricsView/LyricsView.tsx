// The lyric line being sung, lit word by word. Reads the audio position itself a few times a
// second, so only this component re-renders while a song plays.
import { useEffect, useState } from 'react';
import { activeCueIndex, wordsSung, type LyricCue } from '../../lyrics/vtt';
import css from './LyricsView.module.less';

export interface LyricsViewProps {
  cues: readonly LyricCue[] | undefined;
  /** Seconds into the song being heard, or undefined when unknown. */
  getTime: () => number | undefined;
  /** `line`: the current line and the next (live view); `karaoke`: large, with the lines around it. */
  variant?: 'line' | 'karaoke';
  /** Shown before the first line. */
  waiting?: string;
}

const POLL_MS = 80;

export function LyricsView({ cues, getTime, variant = 'line', waiting }: LyricsViewProps) {
  const [pos, setPos] = useState({ index: -1, words: 0 });
  useEffect(() => {
    const read = () => {
      const t = getTime();
      const index = cues && t !== undefined ? activeCueIndex(cues, t) : -1;
      const words = index >= 0 && t !== undefined ? wordsSung(cues![index]!, t) : 0;
      setPos((p) => (p.index === index && p.words === words ? p : { index, words }));
    };
    read();
    const timer = setInterval(read, POLL_MS);
    return () => clearInterval(timer);
  }, [cues, getTime]);

  if (!cues || cues.length === 0) return <div className={css[variant]} data-testid="lyrics" data-line="-1" />;
  const current = pos.index >= 0 ? cues[pos.index] : undefined;
  const upcoming = cues[pos.index + 1];
  const line = (cue: typeof current, role: 'current' | 'next' | 'previous', sung = 0) =>
    cue && (
      <p className={css[role]} data-role={role}>
        {cue.words.map((w, i) => (
          <span key={i} className={role === 'current' && i < sung ? css.sung : undefined}>
            {w.text}{' '}
          </span>
        ))}
      </p>
    );
  return (
    <div className={css[variant]} data-testid="lyrics" data-line={pos.index} aria-live="off">
      {variant === 'karaoke' && line(pos.index > 0 ? cues[pos.index - 1] : undefined, 'previous')}
      {current ? line(current, 'current', pos.words) : waiting && <p className={css.waiting}>{waiting}</p>}
      {line(upcoming, 'next')}
    </div>
  );
}
