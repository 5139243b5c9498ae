// Operators' moderation: radio dedications wait here (the abuse filter's flags shown first) until an
// operator puts them on air or turns them down. Every route needs the operator token.
import { Router } from 'express';
import type { Library } from '../library/library.js';
import type { DedicationRecord } from '../library/pairing-store.js';
import { songView } from '../library/song-view.js';
import type { Dedications } from '../pairing/dedications.js';
import type { OperatorGuard } from './operator-auth.js';

export function moderationRoutes(library: Library, dedications: () => Dedications, operatorOnly: OperatorGuard): Router {
  const router = Router();
  const view = (d: DedicationRecord) => {
    const song = d.songId ? library.get(d.songId) : undefined;
    return { id: d.id, createdAt: d.createdAt, moderation: d.moderation, flags: d.flags, message: d.request.message, to: d.request.to, from: d.request.from ?? null, song: song ? songView(song) : null };
  };
  router.use('/api/v1/moderation', operatorOnly);
  router.get('/api/v1/moderation', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(library.pairing.moderationQueue().map(view));
  });
  router.post('/api/v1/moderation/:id/:decision', (req, res) => {
    const { id, decision } = req.params;
    if (decision !== 'approve' && decision !== 'reject') return void res.status(404).json({ error: { code: 'not-found', message: 'decide with /approve or /reject' } });
    const done = decision === 'approve' ? dedications().approve(id) : dedications().reject(id);
    if (!done) return void res.status(409).json({ error: { code: 'not-pending', message: 'that dedication is not waiting for a decision' } });
    res.json(view(done));
  });
  return router;
}
