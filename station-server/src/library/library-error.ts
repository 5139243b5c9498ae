// The library's errors, as typed values with a code and one line a person can act on.
export type LibraryErrorCode =
  | 'read-only'
  | 'not-writable'
  | 'disk-full'
  | 'disk-error'
  | 'wal-unavailable'
  | 'schema-too-new'
  | 'bad-cursor'
  | 'bad-database-url'
  | 'database-unreachable'
  | 'database-refused'
  | 'name-taken'
  | 'no-library'
  | 'bad-library';

export class LibraryError extends Error {
  constructor(readonly code: LibraryErrorCode, message: string) {
    super(message);
    this.name = 'LibraryError';
  }
}

/**
 * The disk's refusal behind a Node or SQLite error, worded for the folder it concerns; undefined for
 * anything that is not the disk refusing (a bug, a bad row), which callers rethrow as it is.
 */
export function diskProblem(folder: string, error: unknown): LibraryError | undefined {
  if (error instanceof LibraryError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY') || /read-only file system/i.test(detail)) {
    return new LibraryError('read-only', `${folder} is read-only: the station keeps its library there; mount it read-write or set DATA_DIR to a folder it can write to`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new LibraryError('not-writable', `${folder} is not writable by this user (${code}): give the station's user write access or set DATA_DIR to a folder it can write to`);
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || /no space left on device/i.test(detail)) {
    return new LibraryError('disk-full', `${folder}: the disk is full (${code}); free some space`);
  }
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) {
    return new LibraryError('disk-error', `${folder}: the disk refused a write (${code}: ${detail})`);
  }
  return undefined;
}
