import { SESSION_API } from '../lib/query';
import { ApiProblem, problemFromResponse } from './problem';
import { requestInit } from './client';
import type { Session } from './types';

export type Credentials = { email: string; password: string } | { operatorToken: string };

/** The current session, or undefined when the browser has none (401). */
export async function currentSession(): Promise<Session | undefined> {
  const response = await fetch(SESSION_API, requestInit('GET', undefined, undefined));
  if (response.status === 401) return undefined;
  if (!response.ok) throw await problemFromResponse(response);
  return (await response.json()) as Session;
}

/** Signs in; a 401 is the API's `invalid_credentials`, worded for the form. */
export async function signIn(credentials: Credentials): Promise<Session> {
  const response = await fetch(SESSION_API, requestInit('POST', credentials, undefined));
  if (response.ok) return (await response.json()) as Session;
  const problem = await problemFromResponse(response);
  if (response.status === 401) {
    throw new ApiProblem(401, problem.code, 'Those credentials were not accepted.');
  }
  throw problem;
}

export async function signOut(csrfToken: string): Promise<void> {
  const response = await fetch(SESSION_API, requestInit('DELETE', undefined, csrfToken));
  if (!response.ok && response.status !== 401) throw await problemFromResponse(response);
}
