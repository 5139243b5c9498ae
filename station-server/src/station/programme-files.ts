// Reads one operators' file as text, or says in one line why it will not: whatever is dropped into
// playlists/ (a folder named x.yaml, a link out of the folder, a binary, a huge or deeply nested file,
// a file that vanished or cannot be read) becomes a reason, never a throw or a crash.
import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';

/** Largest operators' file read; real ones are a few KB. It also bounds the time a parse can take. */
export const MAX_FILE_BYTES = 64 * 1024;
/** Deepest nesting of brackets or "- " items accepted before parsing (real files nest 3 or 4 deep). */
export const MAX_NESTING = 32;
/** Most playlist files read from the folder (each costs a parse on every reload). */
export const MAX_PLAYLIST_FILES = 500;

export type FileRead = { ok: true; text: string } | { ok: false; reason: string };

const codeOf = (error: unknown): string | undefined => (error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : undefined);

/** One line for a file-system error, saying what to do about it. */
export function fsReason(error: unknown): string {
  switch (codeOf(error)) {
    case 'ENOENT':
      return 'disappeared while it was being read (it is read again on the next change)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied (make it readable by the station)';
    case 'EISDIR':
      return 'is a folder, not a file: a playlist is one YAML file';
    case 'ELOOP':
      return 'is a link that points to itself';
    case 'EMFILE':
    case 'ENFILE':
      return 'cannot be read now: too many open files';
    default:
      return `cannot be read (${codeOf(error) ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * The text of `path`, which must be a regular UTF-8 file of at most MAX_FILE_BYTES under `root`.
 * Symbolic links are followed only while they stay inside `root` (Kubernetes ConfigMaps and some
 * editors link within the folder); a link that leaves it is refused, because a parse error quotes
 * the file and the log must never show a file from elsewhere on the machine.
 */
export async function readOperatorFile(path: string, root: string): Promise<FileRead> {
  try {
    const link = await lstat(path);
    if (link.isSymbolicLink()) {
      const [target, realRoot] = await Promise.all([realpath(path), realpath(root)]);
      if (!inside(realRoot, target)) return { ok: false, reason: 'is a link to a file outside the playlists folder: copy the file in instead' };
    }
    // O_NONBLOCK: a FIFO dropped into the folder must not hang the read; it is refused below.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      if (stat.isDirectory()) return { ok: false, reason: 'is a folder, not a file: a playlist is one YAML file' };
      if (!stat.isFile()) return { ok: false, reason: 'is not a regular file (a device, socket or pipe): a playlist is one YAML file' };
      if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: `is ${Math.ceil(stat.size / 1024)} KB; an operators' file may be at most ${MAX_FILE_BYTES / 1024} KB` };
      // Read at most one byte past the cap, in case the file grows between stat and read.
      const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > MAX_FILE_BYTES) return { ok: false, reason: `is larger than ${MAX_FILE_BYTES / 1024} KB; an operators' file may be at most ${MAX_FILE_BYTES / 1024} KB` };
      }
      return decodeText(buffer.subarray(0, length));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, reason: fsReason(error) };
  }
}

/** UTF-8 text without NUL bytes, or why not. */
export function decodeText(bytes: Uint8Array): FileRead {
  if (bytes.includes(0)) return { ok: false, reason: 'is binary, not YAML text (it holds NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'is not UTF-8 text: save it as UTF-8' };
  }
}

/**
 * How deeply the text nests flow collections ([ and {) and "- " items, counted cheaply before the
 * YAML parser sees it: the parser recurses, and a file of thousands of brackets costs it seconds.
 * Indentation levels count too. Quoted strings and comments are skipped; the count errs on the side
 * of counting more.
 */
export function nestingDepth(text: string): number {
  let max = 0;
  let flow = 0;
  let quote = '';
  let lineStart = true;
  let dashes = 0;
  let prev = ''; // the last character that is not a space on this line
  let lineAt = 0;
  const indents: number[] = []; // indentation of the open block mappings, innermost last
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      lineStart = true;
      dashes = 0;
      prev = '';
      lineAt = i + 1;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === ' ' || c === '\t') continue;
    if (lineStart && dashes === 0 && c !== '#' && flow === 0) {
      const indent = i - lineAt;
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      max = Math.max(max, indents.length);
    }
    if (lineStart && (c === '-' || c === '?') && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
      dashes++;
      max = Math.max(max, indents.length + dashes);
      continue;
    }
    lineStart = false;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    // A quote opens a scalar only where a value starts (an apostrophe inside a word does not).
    if ((c === '"' || c === "'") && (prev === '' || ':-[{,?'.includes(prev))) quote = c;
    else if (c === '[' || c === '{') max = Math.max(max, ++flow + dashes + indents.length);
    else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    prev = c;
  }
  return max;
}
