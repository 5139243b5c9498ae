// Paged lists over HTTP: `?limit=&cursor=` read and checked in one place, and the next page's link.
import type { Request } from 'express';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

export type PageParams = { ok: true; limit: number; cursor?: string } | { ok: false; code: 'bad-limit' | 'bad-cursor'; message: string };

/** `limit` (1…MAX_PAGE, default DEFAULT_PAGE) and an opaque `cursor`; a bad one is said in one line. */
export function pageParams(query: Request['query'], defaultLimit = DEFAULT_PAGE): PageParams {
  const { limit, cursor } = query;
  let n = defaultLimit;
  if (limit !== undefined) {
    if (typeof limit !== 'string' || !/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_PAGE) {
      return { ok: false, code: 'bad-limit', message: `limit must be a whole number from 1 to ${MAX_PAGE}` };
    }
    n = Number(limit);
  }
  if (cursor === undefined) return { ok: true, limit: n };
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) {
    return { ok: false, code: 'bad-cursor', message: 'cursor must be the one the last page gave (in its Link header or "more" link)' };
  }
  return { ok: true, limit: n, cursor };
}

/** The same path and query with the next page's cursor (relative, so it works behind any proxy). */
export function nextPageUrl(req: Request, cursor: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) if (key !== 'cursor' && typeof value === 'string') params.set(key, value);
  params.set('cursor', cursor);
  return `${req.path}?${params.toString()}`;
}
