// Progress of a long copy for the terminal (backup, restore): a bar per phase on a TTY, otherwise one
// plain line per phase and per quarter done, so logs stay short.
import cliProgress from 'cli-progress';

export interface ByteProgress {
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

export function createByteProgress(stream: NodeJS.WriteStream): ByteProgress {
  let phase = '';
  let quarter = -1;
  if (!stream.isTTY) {
    return {
      update(p, done, total) {
        const q = total > 0 ? Math.min(4, Math.floor((done / total) * 4)) : 4;
        if (p === phase && q === quarter) return;
        if (p !== phase) quarter = -1;
        phase = p;
        if (q === quarter) return;
        quarter = q;
        stream.write(`${p}: ${q * 25}%\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {percentage}% {done}', stream, hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(p, done, total) {
      const unit = p === 'copying' ? String(done) : mb(done);
      if (!started || p !== phase) {
        if (started) bar.stop();
        bar.start(Math.max(1, total), Math.min(done, total), { phase: p.padEnd(9), done: unit });
        started = true;
        phase = p;
        return;
      }
      bar.update(Math.min(done, total), { phase: p.padEnd(9), done: unit });
    },
    stop: () => started && bar.stop(),
  };
}
