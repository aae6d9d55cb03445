/** Calls to Atalaya's API from the browser, with the session's CSRF token on writes and Spanish errors. */
export class ApiError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

let csrfToken: string | null = null;
export function setCsrf(token: string | null): void {
  csrfToken = token;
}

const MESSAGES: Record<number, string> = {
  401: 'Su sesión terminó; vuelva a iniciar sesión.',
  403: 'Su rol no tiene acceso a esta información.',
  404: 'No se encontró la información solicitada.',
  500: 'El servidor tuvo un error; intente de nuevo.',
};

/** The reason a read aborts when the server takes too long (see Consulta): its message names the wait. */
export const TIEMPO_AGOTADO = 'TimeoutError';

function connectionError(signal: AbortSignal | null | undefined): ApiError {
  if (signal?.aborted) {
    const reason = signal.reason as { name?: string } | undefined;
    return new ApiError(0, reason?.name === TIEMPO_AGOTADO ? 'El servidor no respondió a tiempo; intente de nuevo.' : 'La consulta se canceló.');
  }
  return new ApiError(0, 'No hay conexión con el servidor.');
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}, f: typeof fetch = fetch): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    init.body = JSON.stringify(init.json);
  }
  if (init.method && init.method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  let res: Response;
  let text: string;
  try {
    res = await f(path, { ...init, headers, credentials: 'same-origin' });
    text = await res.text();
  } catch {
    throw connectionError(init.signal);
  }
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!res.ok) {
    const msg = (data as { error?: string } | null)?.error ?? MESSAGES[res.status] ?? `Error ${res.status}`;
    if (res.status === 401 && typeof window !== 'undefined' && !location.pathname.startsWith('/login')) {
      location.href = `/login?siguiente=${encodeURIComponent(location.pathname + location.search)}`;
    }
    throw new ApiError(res.status, msg);
  }
  return data as T;
}

/** Query string from a filter object, leaving out empty values. */
export function qs(params: Record<string, string | number | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
