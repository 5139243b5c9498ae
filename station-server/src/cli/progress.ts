// Stage progress for the terminal: a bar on a TTY, one plain line per finished stage otherwise
// (so logs and CI stay readable).
import cliProgress from 'cli-progress';
import { STAGES, type StageEvent } from '../composer/pipeline.js';

export interface StageProgress {
  update: (event: StageEvent) => void;
  stop: () => void;
}

export function createStageProgress(stream: NodeJS.WriteStream): StageProgress {
  // A stage may run once per part of the song: the count is of stages done at least once.
  const finished = new Set<string>();
  if (!stream.isTTY) {
    return {
      update: (e) => {
        if (e.phase !== 'done') return;
        finished.add(e.stage);
        stream.write(`[${finished.size}/${STAGES.length}] ${e.stage} (${Math.round(e.ms ?? 0)} ms)\n`);
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
        finished.add(e.stage);
      }
      bar.update(finished.size, { stage: [...running].join(', ') || 'done' });
    },
    stop: () => bar.stop(),
  };
}

export interface CatalogProgress {
  song: (done: number, total: number, title: string) => void;
  /** A line printed above the bar (the bar keeps running below it). */
  log: (line: string) => void;
  stop: () => void;
}

/** The starter catalog's progress: a bar on a TTY that other lines can print above, plain lines otherwise. */
export function createCatalogProgress(stream: NodeJS.WriteStream): CatalogProgress {
  if (!stream.isTTY) {
    return {
      song: (done, total, title) => stream.write(`starter catalog ${done}/${total}: ${title}\n`),
      log: (line) => stream.write(`${line}\n`),
      stop: () => undefined,
    };
  }
  const bars = new cliProgress.MultiBar({ format: 'starter catalog [{bar}] {value}/{total} {title}', stream, hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
  let bar: cliProgress.SingleBar | undefined;
  return {
    song: (done, total, title) => {
      bar ??= bars.create(total, 0, { title: '' });
      bar.update(done, { title });
    },
    log: (line) => (bar ? bars.log(`${line}\n`) : stream.write(`${line}\n`)),
    stop: () => bars.stop(),
  };
}
