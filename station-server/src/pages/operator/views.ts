// The console's pages, in the order of its tabs. Each page is a view built for the signed-in session;
// a page listed with a permission is shown only to roles that have it (the server checks again).
import type { Session } from './api.js';
import type { Key } from './strings.js';
import { queueView } from './queue-view.js';
import { libraryView } from './library-view.js';
import { accountsView } from './accounts-view.js';
import { auditView } from './audit-view.js';
import { webhooksView } from './webhooks-view.js';
import { channelsView } from './channels-view.js';
import { playlistsView } from './playlists-view.js';
import { statsView } from './stats-view.js';

export interface View {
  node: HTMLElement;
  stop(): void;
}

export interface Page {
  /** The location hash that opens it, without '#'. */
  hash: string;
  /** The tab's label. */
  label: Key;
  /** Only these roles see the tab. */
  roles?: readonly Session['role'][];
  open(session: Session): View;
}

export const PAGES: readonly Page[] = [
  { hash: 'queue', label: 'queue', open: queueView },
  { hash: 'library', label: 'library', open: libraryView },
  { hash: 'channels', label: 'channels', open: channelsView },
  { hash: 'playlists', label: 'playlists', open: playlistsView },
  { hash: 'stats', label: 'stats', open: statsView },
  { hash: 'accounts', label: 'accounts', roles: ['admin'], open: accountsView },
  { hash: 'audit', label: 'audit', roles: ['admin'], open: auditView },
  { hash: 'webhooks', label: 'webhooks', roles: ['admin'], open: webhooksView },
];

export const pageFor = (hash: string, session: Session): Page => {
  const name = hash.replace(/^#/, '');
  const visible = PAGES.filter((p) => !p.roles || p.roles.includes(session.role));
  return visible.find((p) => p.hash === name) ?? visible[0]!;
};
