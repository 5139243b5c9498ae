// Calls to the station's console API: the session cookie goes by itself; every state change carries
// the session's CSRF token.
export interface Session {
  name: string;
  role: 'viewer' | 'moderator' | 'admin';
  csrfToken: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

let csrf = '';
export const useSession = (s: Session | undefined): void => {
  csrf = s?.csrfToken ?? '';
};

export async function api<T>(path: string, init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; text?: string; headers?: Record<string, string> } = {}): Promise<{ data: T; next?: string }> {
  const method = init.method ?? 'GET';
  const changes = method !== 'GET';
  // A file's text goes as it is (text/plain); everything else as JSON.
  const type = init.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json';
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { ...(changes ? { 'content-type': type, 'x-csrf-token': csrf } : {}), accept: 'application/json', ...init.headers },
    ...(init.text !== undefined ? { body: init.text } : init.body !== undefined ? { body: JSON.stringify(init.body) } : changes ? { body: '{}' } : {}),
  });
  if (res.status === 204) return { data: undefined as T };
  const data = (await res.json().catch(() => ({}))) as T & { error?: { code: string; message: string } };
  if (!res.ok) throw new ApiError(res.status, data.error?.code ?? 'error', data.error?.message ?? res.statusText, data.error);
  const link = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '');
  return link ? { data, next: link[1]! } : { data };
}
