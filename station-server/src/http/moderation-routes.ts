// Operators' moderation: radio dedications wait here (the abuse filter's flags shown first) until a
// moderator puts them on air or turns them down (with a reason, kept in the audit log). Viewers may
// read the queue. The list is paged like every list (`?limit=&cursor=`, the next page in a Link header).
import { Router } from 'express';
import type { DedicationRecord, Store } from '../library/store.js';
import { LibraryError } from '../library/library-error.js';
import { songView } from '../library/song-view.js';
import type { Dedications } from '../pairing/dedications.js';
import { operatorOf, type OperatorAccess } from './operator-access.js';
import { nextPageUrl, pageParams } from './page-params.js';

/** The longest reason a rejection may give. */
export const REASON_MAX_CHARS = 500;

export function moderationRoutes(store: Store, dedications: () => Dedications, access: OperatorAccess): Router {
  const router = Router();
  const view = async (d: DedicationRecord) => {
    const song = d.songId ? await store.songs.get(d.songId) : undefined;
    return { id: d.id, createdAt: d.createdAt, moderation: d.moderation, flags: d.flags, message: d.request.message, to: d.request.to, from: d.request.from ?? null, song: song ? songView(song) : null };
  };
  router.get('/api/v1/moderation', access.need('read'), async (req, res) => {
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
  router.post('/api/v1/moderation/:id/:decision', access.need('moderate'), async (req, res) => {
    const id = String(req.params.id);
    const decision = String(req.params.decision);
    if (decision !== 'approve' && decision !== 'reject') return void res.status(404).json({ error: { code: 'not-found', message: 'decide with /approve or /reject' } });
    const reason = (req.body as { reason?: unknown } | undefined)?.reason;
    if (reason !== undefined && (typeof reason !== 'string' || [...reason].length > REASON_MAX_CHARS)) {
      return void res.status(400).json({ error: { code: 'invalid-reason', message: `the reason must be text of at most ${REASON_MAX_CHARS} characters` } });
    }
    const done = decision === 'approve' ? await dedications().approve(id) : await dedications().reject(id);
    if (!done) return void res.status(409).json({ error: { code: 'not-pending', message: 'that dedication is not waiting for a decision' } });
    await store.operators.audit({
      actor: operatorOf(res).name,
      action: `dedication.${decision}`,
      target: id,
      before: { moderation: 'pending', songId: done.songId },
      after: { moderation: done.moderation, ...(typeof reason === 'string' && reason.trim() ? { reason: reason.trim() } : {}) },
    });
    res.json(await view(done));
  });
  return router;
}
