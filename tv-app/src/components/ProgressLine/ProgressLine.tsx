// How far the item on air has got, with elapsed and total time.
import ProgressBar from '@enact/sandstone/ProgressBar';
import { useEffect, useState } from 'react';
import css from './ProgressLine.module.less';

export const formatTime = (sec: number): string => {
  const s = Math.max(0, Math.floor(sec));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export interface ProgressLineProps {
  /** Seconds into the item, or undefined when unknown. */
  getTime: () => number | undefined;
  durationSec: number;
}

export function ProgressLine({ getTime, durationSec }: ProgressLineProps) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const read = () => setElapsed(Math.min(durationSec, Math.max(0, Math.floor(getTime() ?? 0))));
    read();
    const timer = setInterval(read, 500);
    return () => clearInterval(timer);
  }, [getTime, durationSec]);
  return (
    <div className={css.progress} data-testid="progress">
      <ProgressBar className={css.bar} progress={durationSec > 0 ? elapsed / durationSec : 0} />
      <span className={css.time}>
        {formatTime(elapsed)} / {formatTime(durationSec)}
      </span>
    </div>
  );
}
