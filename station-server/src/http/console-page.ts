// The console's page at /operator: a shell the console script (operator.js) renders into, with the
// strict CSP every page has. Who may see what is decided by the API, not by this page.
import { Router } from 'express';
import { html } from './html.js';
import { sendPage } from './page-layout.js';
import { negotiateLanguage } from './page-strings.js';

export function consolePageRoutes(): Router {
  const router = Router();
  router.get(['/operator', '/operator/'], (req, res) => {
    const lang = negotiateLanguage(req.get('accept-language'));
    const body = html`<div id="app" class="app"><noscript><p class="op-empty">The console needs JavaScript.</p></noscript></div>`;
    sendPage(res, 200, { lang, title: 'Radio Optimism', body, stylesheet: 'operator.css', script: 'operator.js', bodyClass: 'operator' }, 'no-store');
  });
  return router;
}
