// The programme a station starts with: the operators' files if they are good (and a copy of them is
// kept as the last good programme), else the last good programme, with the refused files named.
import { loadProgramme, formatProblem, type Programme, type ProgrammeResult } from './programme.js';
import { programmeSnapshots, saveProgrammeSnapshot } from '../library/programme-snapshot.js';

const load = (dir: string): Promise<ProgrammeResult> =>
  loadProgramme(dir).catch((error: unknown) => ({ ok: false as const, problems: [{ file: dir, line: 1, column: 1, field: '', message: error instanceof Error ? error.message : String(error) }] }));

// One copy at a time: two at once would each remove the other's as old.
let saving: Promise<void> = Promise.resolve();

/** Keeps a copy of the operators' files as the last good programme; a failure is logged, never thrown. */
export function keepLastGoodProgramme(dataDir: string, playlistsDir: string, log: (line: string) => void): Promise<void> {
  saving = saving.then(() =>
    saveProgrammeSnapshot(dataDir, playlistsDir).then(
      () => undefined,
      (error: unknown) => log(`could not keep a copy of the programme in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`),
    ),
  );
  return saving;
}

export async function startingProgramme(dataDir: string, playlistsDir: string, log: (line: string) => void): Promise<Programme> {
  const loaded = await load(playlistsDir);
  if (loaded.ok) {
    void keepLastGoodProgramme(dataDir, playlistsDir, log);
    return loaded.programme;
  }
  const problems = loaded.problems.map(formatProblem).join('\n');
  for (const dir of await programmeSnapshots(dataDir).catch(() => [])) {
    const last = await load(dir);
    if (!last.ok) continue;
    log(`the operators' files have mistakes (run npm run playlists:check); on air with the last good programme until they are fixed:\n${problems}`);
    return last.programme;
  }
  throw new Error(`the operators' files have mistakes (run npm run playlists:check):\n${problems}`);
}
