// The process's last line of defence: an error nobody caught is logged once, on one clear line, and
// the station keeps serving. Policy:
// - unhandledRejection: a promise chain was abandoned; no code was cut off half-way through a
//   synchronous update, so state is as consistent as the code that rejected left it. Log and go on.
// - uncaughtException: Node's docs warn that state may be corrupt after one. The station's state
//   that matters (the library and the timeline) is in SQLite, written in transactions, and a restart
//   resumes on air where it was; what lives only in memory is rebuilt on start. So one stray throw
//   (from a timer or a socket callback) is logged and the station keeps its listeners; but a burst
//   of them means the process is no longer sound, and it exits (code 70) for its supervisor to start
//   a clean one, which costs listeners a few seconds, not the station.
// Listener throws inside the station's own events never get here: StationEvents turns them into
// Error events (see events.ts).

export interface ProcessGuardOptions {
  log: (line: string) => void;
  exit?: (code: number) => void;
  /** Uncaught exceptions tolerated per minute before the process exits (default 5). */
  maxUncaughtPerMinute?: number;
  now?: () => number;
}

type Target = Pick<NodeJS.Process, 'on' | 'off'>;

export const EXIT_UNSOUND = 70; // EX_SOFTWARE

const describe = (error: unknown): string => {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  // The message and where it came from: enough to find it, short enough for one log line.
  const where = error.stack?.split('\n').find((l) => /^\s+at /.test(l))?.trim();
  return `${error.name}: ${error.message.split('\n')[0]}${where ? ` (${where})` : ''}`;
};

/** Installs the handlers on `target` (the process); returns a function that removes them. */
export function installProcessGuard(options: ProcessGuardOptions, target: Target = process): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const now = options.now ?? Date.now;
  const max = options.maxUncaughtPerMinute ?? 5;
  const recent: number[] = [];

  const onRejection = (reason: unknown) => {
    options.log(`unhandled rejection, the station keeps serving: ${describe(reason)}`);
  };
  const onException = (error: unknown) => {
    const at = now();
    recent.push(at);
    while (recent.length && recent[0]! <= at - 60_000) recent.shift();
    if (recent.length > max) {
      options.log(`uncaught exception, ${recent.length} in a minute; exiting so a clean process can take over: ${describe(error)}`);
      exit(EXIT_UNSOUND);
      return;
    }
    options.log(`uncaught exception, the station keeps serving: ${describe(error)}`);
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
