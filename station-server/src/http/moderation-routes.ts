// Operators' moderation: radio dedications wait here (the abuse filter's flags shown first) until an
// operator puts them on air or turns them down. Every route needs the operator token. The list is
// paged like every list (`?limit=&cursor=`, the next page in a Link header).
import { Router } from 'express';
import type { DedicationRecord, Store } from '../library/store.js';
import { LibraryError } from '../library/library-error.js';
import { songView } from '../library/song-view.js';
import type { Dedications } from '../pairing/dedications.js';
import type { OperatorGuard } from './operator-auth.js';
import { nextPageUrl, pageParams } from './page-params.js';

export function moderationRoutes(store: Store, dedications: () => Dedications, operatorOnly: OperatorGuard): Router {
  const router = Router();
  const view = async (d: DedicationRecord) => {
    const song = d.songId ? await store.songs.get(d.songId) : undefined;
    return { id: d.id, createdAt: d.createdAt, moderation: d.moderation, flags: d.flags, message: d.request.message, to: d.request.to, from: d.request.from ?? null, song: song ? songView(song) : null };
  };
  router.use('/api/v1/moderation', operatorOnly);
  router.get('/api/v1/moderation', async (req, res) => {
    const page = pageParams(req.query);
    if (!page.ok) return void res.status(400).json({ error: { code: page.code, message: page.message } });
    try {
      const found = await store.dedications.moderationQueue({ limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) });
      if (found.next) res.set('Link', `<${nextPageUrl(req, found.next)}>; rel="next"`);
      res.set('Cache-Control', 'no-store').json(await Promise.all(found.items.map(view)));
    } catch (error) {
      if (error instanceof LibraryError && error.code === 'bad-cursor') return void res.status(400).json({ error: { code: error.code, message: error.message } });
      throw error;
    }
  });
  router.post('/api/v1/moderation/:id/:decision', async (req, res) => {
    const { id, decision } = req.params;
    if (decision !== 'approve' && decision !== 'reject') return void res.status(404).json({ error: { code: 'not-found', message: 'decide with /approve or /reject' } });
    const done = decision === 'approve' ? await dedications().approve(id) : await dedications().reject(id);
    if (!done) return void res.status(409).json({ error: { code: 'not-pending', message: 'that dedication is not waiting for a decision' } });
    res.json(await view(done));
  });
  return router;
}
