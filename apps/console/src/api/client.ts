import { ADMIN_API, queryString, type Query } from '../lib/query';
import { problemFromResponse } from './problem';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * How one request is sent: same-origin cookies, JSON in and out, and the session's CSRF token
 * on every unsafe method (the API refuses one without it).
 */
export function requestInit(
  method: Method,
  body: unknown,
  csrfToken: string | undefined,
  accept = 'application/json',
): RequestInit {
  const headers: Record<string, string> = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

/** The file name a `Content-Disposition: attachment; filename="…"` header gives. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header ? /filename="?([^";]+)"?/i.exec(header) : null;
  return match?.[1]?.trim() || fallback;
}

export interface Download {
  blob: Blob;
  fileName: string;
  headers: Headers;
}

export interface SessionHooks {
  csrfToken: () => string | undefined;
  /** The session ended (expired, or signed out elsewhere): the console asks to sign in again. */
  onUnauthorized: () => void;
}

/** The admin API as the console calls it; every error answer is thrown as an `ApiProblem`. */
export class ApiClient {
  constructor(private readonly hooks: SessionHooks) {}

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.json<T>('GET', `${path}${queryString(query)}`, undefined, signal);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.json<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>('PATCH', path, body);
  }

  async delete(path: string): Promise<void> {
    await this.json<unknown>('DELETE', path, undefined);
  }

  /** A file the API makes (a label PDF), with the headers that describe it. */
  async download(method: Method, path: string, body: unknown, fallbackName: string) {
    const response = await this.send(method, path, body, 'application/pdf, application/json');
    return {
      blob: await response.blob(),
      fileName: attachmentName(response.headers.get('content-disposition'), fallbackName),
      headers: response.headers,
    } satisfies Download;
  }

  private async json<T>(method: Method, path: string, body: unknown, signal?: AbortSignal) {
    const response = await this.send(method, path, body, 'application/json', signal);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private async send(
    method: Method,
    path: string,
    body: unknown,
    accept: string,
    signal?: AbortSignal,
  ): Promise<Response> {
    const init = requestInit(method, body, this.hooks.csrfToken(), accept);
    const response = await fetch(`${ADMIN_API}${path}`, signal ? { ...init, signal } : init);
    if (response.ok) return response;
    if (response.status === 401) this.hooks.onUnauthorized();
    throw await problemFromResponse(response);
  }
}
