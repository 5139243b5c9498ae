// Who may do what in the operators' console: checked on the server for every route, whatever the page shows.
export const ROLES = ['viewer', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** What an action needs. */
export type Permission =
  /** See the queue, the library, channels, playlists and statistics. */
  | 'read'
  /** Approve or reject dedications, take songs down and restore them. */
  | 'moderate'
  /** Skip what is on air. */
  | 'control-air'
  /** Edit channel and playlist files. */
  | 'edit-playlists'
  /** Add, remove and change accounts; read the audit log. */
  | 'manage-accounts'
  /** Register webhooks and read their deliveries. */
  | 'manage-webhooks'
  /** Make and restore backups. */
  | 'backup';

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['read'],
  moderator: ['read', 'moderate', 'control-air'],
  admin: ['read', 'moderate', 'control-air', 'edit-playlists', 'manage-accounts', 'manage-webhooks', 'backup'],
};

export const can = (role: Role, permission: Permission): boolean => GRANTS[role].includes(permission);
