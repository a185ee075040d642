import { HttpProblem } from '../http/problems';

/** What a webhook URL names: the provider, the connection and, for some, a secret segment. */
export interface WebhookTarget {
  provider: string;
  connectionId: string;
  secret?: string;
}

// As Express routes match: any case, a trailing slash allowed, the query string aside.
const WEBHOOK_PATH = /^\/webhooks\/([^/]+)\/([^/]+)(?:\/([^/]+))?\/?$/i;

/**
 * The target of `/webhooks/:provider/:connectionId[/:secret]` (segments percent-decoded), a 400
 * for segments that do not decode, or undefined for any other path.
 */
export function webhookTargetOf(url: string): WebhookTarget | HttpProblem | undefined {
  const query = url.indexOf('?');
  const match = WEBHOOK_PATH.exec(query === -1 ? url : url.slice(0, query));
  if (!match) return undefined;
  const [, provider = '', connectionId = '', secret] = match;
  try {
    const target = {
      provider: decodeURIComponent(provider),
      connectionId: decodeURIComponent(connectionId),
    };
    return secret === undefined ? target : { ...target, secret: decodeURIComponent(secret) };
  } catch {
    return new HttpProblem(400, 'malformed_url', 'the URL is not valid percent-encoding');
  }
}
