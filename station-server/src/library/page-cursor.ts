// Keyset cursors: a page ends at a row, and the next page starts after its (created_at, id). The
// cursor is opaque to clients (base64url); one the store did not make is refused with `bad-cursor`.
import { LibraryError } from './library-error.js';

export interface CursorKey {
  createdAt: string;
  id: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const encodeCursor = (key: CursorKey): string => Buffer.from(`${key.createdAt}|${key.id}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): CursorKey {
  const bad = () => new LibraryError('bad-cursor', 'the cursor is not one this list gave out; start again from the first page');
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !createdAt || !id || !ISO.test(createdAt) || !ID.test(id)) throw bad();
  return { createdAt, id };
}

/** The store's cap on a page, whatever the caller asks. */
export const MAX_PAGE = 500;
export const pageLimit = (limit: number): number => Math.max(1, Math.min(MAX_PAGE, Math.floor(Number.isFinite(limit) ? limit : 1)));
