// Keyset page cursors: the (created_at, id) of the last item of a page, as opaque base64url. A cursor
// the store did not make is refused with one line, never a stack trace or an arbitrary query.
import { LibraryError } from '../library-error.js';

/** The most items one page holds, whatever a caller asks for. */
export const PAGE_LIMIT_MAX = 500;

export interface Keyset {
  createdAt: string;
  id: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.createdAt, k.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  const bad = () => new LibraryError('bad-cursor', 'the cursor is not one this list gave out: start again without it, then pass each page\'s `next` as it is');
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw bad();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(value) || value.length !== 2) throw bad();
  const [createdAt, id] = value as unknown[];
  if (typeof createdAt !== 'string' || !ISO.test(createdAt) || typeof id !== 'string' || id.length === 0 || id.length > 100) throw bad();
  return { createdAt, id };
}

/** A caller's limit brought into 1..PAGE_LIMIT_MAX. */
export function pageLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.min(PAGE_LIMIT_MAX, Math.max(1, Math.floor(limit))) : PAGE_LIMIT_MAX;
}
