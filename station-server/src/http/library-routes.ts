// The console's library: search by kind, the feed's filters (language, genre, vibe, theme,
// relation), when it was made and whether it aired, a page at a time, for every operator; take a song down or restore it, for moderators.
// A taken-down song leaves rotation and /feed, its page answers 410; its files are kept until purged.
import { Router, type Request } from 'express';
import type { SongKind, SongMatch, SongRecord, Store } from '../library/store.js';
import { LibraryError } from '../library/library-error.js';
import { songView } from '../library/song-view.js';
import { operatorOf, type OperatorAccess } from './operator-access.js';
import { nextPageUrl, pageParams } from './page-params.js';

const KINDS: readonly SongKind[] = ['song', 'private', 'jingle', 'removed'];
const FILTERS = ['language', 'genre', 'vibe', 'theme', 'relation'] as const;
const SONG_ID = /^[A-Za-z0-9_-]{6,32}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function searchOf(query: Request['query']): Parsed<{ kind: SongKind; match: SongMatch }> {
  const kind = query.kind ?? 'song';
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) return { ok: false, message: `kind must be one of ${KINDS.join(', ')}` };
  const match: SongMatch = {};
  for (const f of FILTERS) {
    const v = query[f];
    if (v === undefined || v === '') continue;
    if (typeof v !== 'string' || !/^[a-z-]{1,32}(,[a-z-]{1,32}){0,19}$/.test(v)) return { ok: false, message: `${f} must be lower-case words separated by commas` };
    match[f] = v.split(',');
  }
  for (const f of ['since', 'before'] as const) {
    const v = query[f];
    if (v === undefined || v === '') continue;
    // An instant, as the page sends a day's start in the operator's own time zone.
    if (typeof v !== 'string' || !ISO_INSTANT.test(v) || Number.isNaN(Date.parse(v))) return { ok: false, message: `${f} must be an ISO 8601 instant in UTC, like 2026-11-30T00:00:00.000Z` };
    match[f] = new Date(v).toISOString();
  }
  const aired = query.aired;
  if (aired !== undefined && aired !== '') {
    if (aired !== 'yes' && aired !== 'no') return { ok: false, message: 'aired must be yes or no' };
    match.aired = aired === 'yes';
  }
  return { ok: true, value: { kind: kind as SongKind, match } };
}

export function libraryRoutes(store: Store, access: OperatorAccess, now: () => number = Date.now): Router {
  const router = Router();
  const view = async (song: SongRecord) => {
    const t = song.kind === 'removed' ? await store.takedowns.get(song.id) : undefined;
    return { ...songView(song), kind: song.kind, lastAired: song.lastAired, relation: song.relation, message: song.request.message, takedown: t ? { by: t.by, at: new Date(t.atMs).toISOString(), restorable: t.purgedAtMs === null } : null };
  };

  router.get('/api/v1/library', access.need('read'), async (req, res) => {
    const page = pageParams(req.query);
    if (!page.ok) return void res.status(400).json({ error: { code: page.code, message: page.message } });
    const search = searchOf(req.query);
    if (!search.ok) return void res.status(400).json({ error: { code: 'bad-filter', message: search.message } });
    try {
      const found = await store.songs.page(search.value.kind, search.value.match, { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) });
      if (found.next) res.set('Link', `<${nextPageUrl(req, found.next)}>; rel="next"`);
      res.set('Cache-Control', 'no-store').json(await Promise.all(found.items.map(view)));
    } catch (error) {
      if (error instanceof LibraryError && error.code === 'bad-cursor') return void res.status(400).json({ error: { code: error.code, message: error.message } });
      throw error;
    }
  });

  router.post('/api/v1/songs/:id/takedown', access.need('moderate'), async (req, res) => {
    const id = String(req.params.id);
    const song = SONG_ID.test(id) ? await store.songs.get(id) : undefined;
    if (!song) return void res.status(404).json({ error: { code: 'not-found', message: 'no song with that id' } });
    const done = await store.takedowns.takeDown(id, operatorOf(res).name, now());
    if (!done) return void res.status(409).json({ error: { code: 'already-down', message: 'that song is taken down already' } });
    await store.operators.audit({ actor: operatorOf(res).name, action: 'song.takedown', target: id, before: { kind: done.kindBefore }, after: { kind: 'removed' } });
    res.json(await view((await store.songs.get(id))!));
  });

  router.post('/api/v1/songs/:id/restore', access.need('moderate'), async (req, res) => {
    const id = String(req.params.id);
    const song = SONG_ID.test(id) ? await store.songs.get(id) : undefined;
    if (!song) return void res.status(404).json({ error: { code: 'not-found', message: 'no song with that id' } });
    const done = await store.takedowns.restore(id);
    if (!done) return void res.status(409).json({ error: { code: 'not-restorable', message: song.kind === 'removed' ? 'that song\'s files were deleted: it cannot come back' : 'that song is not taken down' } });
    await store.operators.audit({ actor: operatorOf(res).name, action: 'song.restore', target: id, before: { kind: 'removed' }, after: { kind: done.kindBefore } });
    res.json(await view((await store.songs.get(id))!));
  });
  return router;
}
