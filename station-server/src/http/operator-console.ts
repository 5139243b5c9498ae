// Everything behind the operators' console, in one place for station.ts: the access check (sessions
// and the operator token), sign-in, moderation, the audit log, takedowns and the console's pages.
import type { Router } from 'express';
import type { Store } from '../library/store.js';
import type { MediaStore } from '../media/media-store.js';
import type { Dedications } from '../pairing/dedications.js';
import { operatorGuard } from './operator-auth.js';
import { operatorAccess, type OperatorAccess } from './operator-access.js';
import { authRoutes, DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth-routes.js';
import { moderationRoutes } from './moderation-routes.js';
import { auditRoutes } from './audit-routes.js';
import { libraryRoutes } from './library-routes.js';
import { consolePageRoutes } from './console-page.js';
import { accountRoutes } from './account-routes.js';
import cron from 'node-cron';
import { schedulePurge, type PurgeSchedule } from '../songs/takedown-purge.js';
import { createOriginOf } from './public-origin.js';
import { webhookRoutes } from './webhook-routes.js';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import type { Playout } from '../station/playout.js';
import { channelsRoutes } from './channels-routes.js';
import { playlistsRoutes } from './playlists-routes.js';
import { playlistFiles } from '../station/playlist-files.js';
import { statsRoutes } from './stats-routes.js';
import type { StatsSource } from '../stats/stats-report.js';

export interface OperatorConsoleDeps {
  store: Store;
  media: MediaStore;
  dedications: () => Dedications;
  operatorToken: string;
  publicUrl?: string;
  loginLimits?: LoginLimits;
  /** How long a taken-down song's files are kept before the purge deletes them (TAKEDOWN_KEEP_DAYS). */
  takedownKeepMs?: number;
  log?: (line: string) => void;
  /** Webhook deliveries (the console's Webhooks page is served when given). */
  webhooks?: WebhookDispatcher;
  /** The Channels page's now/next, skip and week calendar (absent: no such routes). */
  playout?: Playout;
  /** The Playlists page's folder and the programme reload after a save (absent: no such routes). */
  playlists?: { dir: string; reload: () => Promise<boolean> };
  /** Where the Statistics page reads from (absent: no statistics routes). */
  stats?: StatsSource;
}

export interface OperatorConsole {
  access: OperatorAccess;
  routers: Router[];
  destroy(): Promise<void>;
}

export function operatorConsole(deps: OperatorConsoleDeps): OperatorConsole {
  const access = operatorAccess({ operators: deps.store.operators, bearer: operatorGuard(deps.operatorToken), originOf: createOriginOf(deps.publicUrl) });
  const auth = authRoutes(deps.store, access, deps.loginLimits ?? DEFAULT_LOGIN_LIMITS, deps.publicUrl);
  const purge: PurgeSchedule | undefined =
    deps.takedownKeepMs === undefined ? undefined : schedulePurge({ store: deps.store, media: deps.media, keepMs: deps.takedownKeepMs, log: deps.log ?? console.error });
  // Expired sessions are refused when used; this only forgets their rows (hourly, with the purge).
  const expiry = purge
    ? cron.schedule('41 * * * *', () => deps.store.operators.expireSessions(Date.now()).then(() => undefined, (e: unknown) => (deps.log ?? console.error)(`forgetting expired console sessions failed: ${e instanceof Error ? e.message : String(e)}`)), { name: 'session-expiry', noOverlap: true })
    : undefined;
  return {
    access,
    routers: [auth.router, moderationRoutes(deps.store, deps.dedications, access), auditRoutes(deps.store, access), libraryRoutes(deps.store, access), accountRoutes(deps.store, access), consolePageRoutes(),
      ...(deps.webhooks ? [webhookRoutes(deps.store, deps.webhooks, access)] : []),
      ...(deps.playout ? [channelsRoutes(deps.store, deps.playout, access)] : []),
      ...(deps.playlists ? [playlistsRoutes({ store: deps.store, files: playlistFiles(deps.playlists.dir), access, reload: deps.playlists.reload })] : []),
      ...(deps.stats ? [statsRoutes(deps.stats, access)] : [])],
    async destroy() {
      auth.destroy();
      await purge?.stop();
      await expiry?.destroy();
    },
  };
}
