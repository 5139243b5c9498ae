// Loads and checks the operators' files. Every mistake is reported with its file, line and field;
// nothing from a broken set of files is used (the caller keeps the last good programme on air).
// Whatever the folder holds, loading answers with a programme or a list of problems; it never throws.
import { readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { fsReason, MAX_NESTING, MAX_PLAYLIST_FILES, nestingDepth, readOperatorFile } from './programme-files.js';
import { channelsFileSchema, playlistSchema, type ChannelConfig, type PlaylistConfig } from './programme-schema.js';

export interface ProgrammeProblem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

export interface Programme {
  channels: ChannelConfig[];
  playlists: Map<string, PlaylistConfig>;
}

export type ProgrammeResult = { ok: true; programme: Programme } | { ok: false; problems: ProgrammeProblem[] };

export const formatProblem = (p: ProgrammeProblem): string => `${p.file}:${p.line}:${p.column} ${p.field ? `${p.field}: ` : ''}${p.message}`;

/** Aliases expanded per file: a real file uses a handful; a "billion laughs" bomb needs thousands. */
export const MAX_ALIASES = 50;

const fileProblem = (file: string, message: string): ProgrammeProblem => ({ file, line: 1, column: 1, field: '', message });

function parseFile<S extends z.ZodType>(text: string, file: string, schema: S): { value?: z.infer<S>; problems: ProgrammeProblem[] } {
  if (nestingDepth(text) > MAX_NESTING) return { problems: [fileProblem(file, `nests deeper than ${MAX_NESTING} levels: not a playlist file`)] };
  try {
    return parseChecked(text, file, schema);
  } catch (error) {
    // The YAML library throws for alias bombs (ReferenceError), very deep input (RangeError) and the like.
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { problems: [fileProblem(file, /alias/i.test(message) ? `too many aliases (more than ${MAX_ALIASES} expanded): not a playlist file` : `cannot be read as YAML: ${message}`)] };
  }
}

function parseChecked<S extends z.ZodType>(text: string, file: string, schema: S): { value?: z.infer<S>; problems: ProgrammeProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = at(e.pos[0]);
        return { file, line: pos.line, column: pos.col, field: '', message: `not valid YAML: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const result = schema.safeParse(doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {});
  if (result.success) return { value: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => {
      // Point at the deepest node of the path that exists in the file.
      let path = issue.path as (string | number)[];
      let node = doc.getIn(path, true);
      while (!isNode(node) && path.length > 0) {
        path = path.slice(0, -1);
        node = path.length ? doc.getIn(path, true) : doc.contents;
      }
      const range = isNode(node) ? node.range : undefined;
      const pos = range ? at(range[0]) : { line: 1, col: 1 };
      return { file, line: pos.line, column: pos.col, field: formatPath(issue.path as (string | number)[]), message: issue.message };
    }),
  };
}

const formatPath = (path: (string | number)[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/**
 * Loads and checks the folder. `drafts` (absolute path → text) stand in for files as they would be
 * saved, so the console checks an edit with this same code before anything is written.
 */
export async function loadProgramme(dir: string, cwd = process.cwd(), drafts?: ReadonlyMap<string, string>): Promise<ProgrammeResult> {
  try {
    return await loadFiles(dir, cwd, drafts ?? new Map());
  } catch (error) {
    // Nothing above should throw; if something does, it is still a refusal with a reason, not a crash.
    return { ok: false, problems: [fileProblem(relative(cwd, dir) || dir, `could not be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)] };
  }
}

async function loadFiles(dir: string, cwd: string, drafts: ReadonlyMap<string, string>): Promise<ProgrammeResult> {
  const read = async (path: string) => {
    const draft = drafts.get(path);
    return draft === undefined ? readOperatorFile(path, dir) : { ok: true as const, text: draft };
  };
  const problems: ProgrammeProblem[] = [];
  const show = (path: string) => relative(cwd, path) || path;
  const channelsPath = join(dir, 'channels.yaml');
  let channels: ChannelConfig[] = [];
  let channelsText: string | undefined;
  const channelsRead = await read(channelsPath);
  if (channelsRead.ok) channelsText = channelsRead.text;
  else problems.push(fileProblem(show(channelsPath), /disappeared/.test(channelsRead.reason) ? 'missing: this file lists the channels' : channelsRead.reason));
  if (channelsText !== undefined) {
    const parsed = parseFile(channelsText, show(channelsPath), channelsFileSchema);
    problems.push(...parsed.problems);
    channels = parsed.value?.channels ?? [];
  }

  const playlists = new Map<string, PlaylistConfig>();
  const playlistDir = join(dir, 'playlists');
  let files: string[] = [];
  try {
    files = (await readdir(playlistDir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (error) {
    const code = (error as { code?: string }).code;
    problems.push(fileProblem(show(playlistDir), code === 'ENOENT' ? 'missing: one YAML file per playlist goes in this folder' : code === 'ENOTDIR' ? 'is a file: it must be the folder of playlist files' : `folder ${fsReason(error)}`));
  }
  if (files.length > MAX_PLAYLIST_FILES) {
    problems.push(fileProblem(show(playlistDir), `holds ${files.length} playlist files; at most ${MAX_PLAYLIST_FILES} are read`));
    files = [];
  }
  const refused = new Set<string>(); // files already reported: a channel naming one is not reported again
  for (const f of files) {
    const path = join(playlistDir, f);
    const got = await read(path);
    if (!got.ok) {
      problems.push(fileProblem(show(path), got.reason));
      refused.add(f.replace(/\.ya?ml$/, ''));
      continue;
    }
    const parsed = parseFile(got.text, show(path), playlistSchema);
    problems.push(...parsed.problems);
    // A file with mistakes is reported once, at its own lines, not again as "no playlist" wherever it is named.
    if (!parsed.value) refused.add(f.replace(/\.ya?ml$/, ''));
    if (parsed.value) playlists.set(basename(f).replace(/\.ya?ml$/, ''), { ...parsed.value, id: basename(f).replace(/\.ya?ml$/, '') });
  }

  // References across files: each is reported where it is written.
  const where = (text: string | undefined, needle: string) => {
    const i = text?.indexOf(needle) ?? -1;
    if (!text || i < 0) return { line: 1, column: 1 };
    const before = text.slice(0, i).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const seen = new Set<string>();
  channels.forEach((c, i) => {
    if (seen.has(c.id)) problems.push({ file: show(channelsPath), ...where(channelsText, `id: ${c.id}`), field: `channels[${i}].id`, message: `channel "${c.id}" is defined twice` });
    seen.add(c.id);
    const refs: [string, string][] = [[`channels[${i}].playlist`, c.playlist], ...c.shows.map((s, k): [string, string] => [`channels[${i}].shows[${k}].playlist`, s.playlist])];
    for (const [field, name] of refs)
      if (!playlists.has(name) && !refused.has(name) && files.length > 0)
        problems.push({ file: show(channelsPath), ...where(channelsText, `playlist: ${name}`), field, message: `no playlist "${name}": add playlists/playlists/${name}.yaml or fix the name` });
  });
  for (const [name, p] of playlists) {
    if (p.fallback && !playlists.has(p.fallback) && !refused.has(p.fallback))
      problems.push({ file: show(join(playlistDir, `${name}.yaml`)), line: 1, column: 1, field: 'fallback', message: `no playlist "${p.fallback}" to fall back to` });
  }
  if (!channels.some((c) => c.id === 'radio-optimism') && channels.length > 0)
    problems.push({ file: show(channelsPath), line: 1, column: 1, field: 'channels', message: 'the main channel "radio-optimism" is missing' });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, programme: { channels, playlists } };
}
