/** An error the API answered (`{ error, message, details? }`), or a request that got no answer. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiProblem';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What people read when the API said nothing about it. */
function fallbackMessage(status: number): string {
  if (status === 401) return 'You are signed out. Sign in again.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (status >= 500) return 'The server could not answer. Try again in a moment.';
  return `The request failed (HTTP ${status}).`;
}

/** The problem in an error answer's body, whatever shape (or no shape) the body has. */
export function problemFromBody(status: number, body: unknown): ApiProblem {
  if (!isRecord(body)) return new ApiProblem(status, `http_${status}`, fallbackMessage(status));
  const code = typeof body.error === 'string' ? body.error : `http_${status}`;
  const message =
    typeof body.message === 'string' && body.message.trim() !== ''
      ? body.message
      : fallbackMessage(status);
  const details = Array.isArray(body.details)
    ? body.details.filter((detail): detail is string => typeof detail === 'string')
    : [];
  return new ApiProblem(status, code, message, details);
}

export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return problemFromBody(response.status, body);
}

/** Any thrown value as a problem to show: a network failure has no status. */
export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiProblem(0, 'network_error', `The server could not be reached: ${message}`);
}

/** The answer, or null when the API says there is none yet (e.g. 404 `no_routing_rules`). */
export async function orNone<T>(answer: Promise<T>, code: string): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof ApiProblem && error.code === code) return null;
    throw error;
  }
}
