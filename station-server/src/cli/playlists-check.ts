// `npm run playlists:check`: validates every operators' file; each mistake is printed as
// file:line:column field: message. Exit 0 when all hold, 1 otherwise; never a stack trace.
import { resolve } from 'node:path';
import { formatProblem, loadProgramme } from '../station/programme.js';

const dir = resolve(process.argv[2] ?? process.env.PLAYLISTS_DIR ?? 'playlists');
try {
  const result = await loadProgramme(dir);
  if (result.ok) {
    const { channels, playlists } = result.programme;
    console.log(`playlists: ${channels.length} channels (${channels.map((c) => c.id).join(', ')}) and ${playlists.size} playlists are valid`);
  } else {
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.error(`playlists: ${result.problems.length} ${result.problems.length === 1 ? 'mistake' : 'mistakes'} to fix`);
    process.exitCode = 1;
  }
} catch (error) {
  // loadProgramme answers every input with problems; this is the last guard against a stack trace.
  console.error(`playlists: ${dir} could not be checked: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
}
