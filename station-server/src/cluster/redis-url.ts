// A Redis address for messages and logs: the password never leaves the process.
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return 'an unreadable REDIS_URL';
  }
}

/** The socket error behind an ioredis error, for one-line messages. */
export function redisErrorDetail(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (typeof e?.code === 'string') return e.code;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return message.split('\n')[0]!.slice(0, 160);
}
