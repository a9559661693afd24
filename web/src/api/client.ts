import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** A refusal of the API: its stable code, the Vietnamese message a clerk reads, the field it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

const TOKEN_KEY = 'gpmb.token';
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Called when the session has ended (401): the app goes back to the sign-in screen. */
let onSignedOut: () => void = () => undefined;
export function whenSignedOut(fn: () => void): void {
  onSignedOut = fn;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && tokenStore.get()) {
      tokenStore.clear();
      onSignedOut();
    }
    return response;
  },
};

/** The typed client generated from openapi.json (npm run client -w web; drift is checked by the test command). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer, or an ApiError with the server's code and Vietnamese message. */
export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
  throw new ApiError(
    response.status,
    body.code ?? `HTTP.${response.status}`,
    body.message ?? 'Máy chủ không trả lời được yêu cầu này. Vui lòng thử lại.',
    body.details ?? {},
  );
}

/** Downloads a file the API serves (a PDF, a workbook) with the session's token, and opens or saves it. */
export async function openFile(path: string, fileName?: string): Promise<void> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(response.status, body.code ?? 'HTTP', body.message ?? 'Không tải được tệp.');
  }
  const url = URL.createObjectURL(await response.blob());
  if (fileName) {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
  } else window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A multipart upload (a file with its fields): openapi-fetch does not build multipart bodies, so it is posted here,
 * with the session's token, and a refusal becomes an ApiError like any other.
 */
export async function postForm<T>(path: string, body: FormData): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}` },
    body,
  });
  const json = (await res.json().catch(() => ({}))) as { code?: string; message?: string; details?: unknown };
  if (!res.ok)
    throw new ApiError(
      res.status,
      json.code ?? `HTTP.${res.status}`,
      json.message ?? 'Máy chủ không nhận tệp này.',
      (json.details as Record<string, unknown>) ?? {},
    );
  return json as T;
}
