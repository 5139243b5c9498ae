// Stage progress for the terminal: a bar on a TTY, one plain line per finished stage otherwise
// (so logs and CI stay readable).
import cliProgress from 'cli-progress';
import { STAGES, type StageEvent } from '../composer/pipeline.js';

export interface StageProgress {
  update: (event: StageEvent) => void;
  stop: () => void;
}

export function createStageProgress(stream: NodeJS.WriteStream): StageProgress {
  let done = 0;
  if (!stream.isTTY) {
    return {
      update: (e) => {
        if (e.phase !== 'done') return;
        done++;
        stream.write(`[${done}/${STAGES.length}] ${e.stage} (${Math.round(e.ms ?? 0)} ms)\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: 'composing [{bar}] {value}/{total} {stage}', stream, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(STAGES.length, 0, { stage: '' });
  const running = new Set<string>();
  return {
    update: (e) => {
      if (e.phase === 'start') running.add(e.stage);
      else {
        running.delete(e.stage);
        done++;
      }
      bar.update(done, { stage: [...running].join(', ') || 'done' });
    },
    stop: () => bar.stop(),
  };
}
