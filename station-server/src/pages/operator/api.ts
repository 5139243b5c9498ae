// Calls to the station's console API: the session cookie goes by itself; every state change carries
// the session's CSRF token.
export interface Session {
  name: string;
  role: 'viewer' | 'moderator' | 'admin';
  csrfToken: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

let csrf = '';
export const useSession = (s: Session | undefined): void => {
  csrf = s?.csrfToken ?? '';
};

export async function api<T>(path: string, init: { method?: 'GET' | 'POST' | 'DELETE'; body?: unknown } = {}): Promise<{ data: T; next?: string }> {
  const method = init.method ?? 'GET';
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { ...(method !== 'GET' ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {}), accept: 'application/json' },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : method === 'POST' ? { body: '{}' } : {}),
  });
  if (res.status === 204) return { data: undefined as T };
  const data = (await res.json().catch(() => ({}))) as T & { error?: { code: string; message: string } };
  if (!res.ok) throw new ApiError(res.status, data.error?.code ?? 'error', data.error?.message ?? res.statusText);
  const link = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '');
  return link ? { data, next: link[1]! } : { data };
}
