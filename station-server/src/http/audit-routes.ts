// The audit log for admins: GET /api/v1/audit, newest first, paged like every list.
import { Router } from 'express';
import type { Store } from '../library/store.js';
import { LibraryError } from '../library/library-error.js';
import type { OperatorAccess } from './operator-access.js';
import { nextPageUrl, pageParams } from './page-params.js';

export function auditRoutes(store: Store, access: OperatorAccess): Router {
  const router = Router();
  router.get('/api/v1/audit', access.need('manage-accounts'), async (req, res) => {
    const page = pageParams(req.query);
    if (!page.ok) return void res.status(400).json({ error: { code: page.code, message: page.message } });
    try {
      const found = await store.operators.auditPage({ limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) });
      if (found.next) res.set('Link', `<${nextPageUrl(req, found.next)}>; rel="next"`);
      res.set('Cache-Control', 'no-store').json(found.items);
    } catch (error) {
      if (error instanceof LibraryError && error.code === 'bad-cursor') return void res.status(400).json({ error: { code: error.code, message: error.message } });
      throw error;
    }
  });
  return router;
}
