import { z } from 'zod';
import {
  PermanentError,
  RateLimitedError,
  RetryableError,
  type ShiplinkError,
} from '@shiplink/errors';
import { SHIPHERO_PROVIDER } from './profile';

/** A GraphQL error as ShipHero sends it: the standard fields plus its own code and credits. */
export const GraphqlErrorSchema = z
  .object({
    message: z.string().max(10_000).catch('(no message)'),
    code: z.union([z.number(), z.string()]).optional(),
    locations: z.array(z.unknown()).optional(),
    path: z.array(z.union([z.string(), z.number()])).optional(),
    operation: z.string().optional(),
    required_credits: z.number().optional(),
    remaining_credits: z.number().optional(),
    time_remaining: z.string().optional(),
  })
  .loose();
export type GraphqlError = z.infer<typeof GraphqlErrorSchema>;

/** ShipHero's "not enough credits" code. */
export const NOT_ENOUGH_CREDITS = 30;

/** A shortage ShipHero reported: what is left, and when there will be enough. */
export interface CreditShortage {
  remaining: number;
  required: number | undefined;
  waitMs: number;
}

/** "18 seconds", "1 minute 5 seconds", or the same inside the message ("In 18 seconds …"). */
export function parseTimeRemaining(text: string | undefined): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let found = false;
  for (const match of text.slice(0, 500).matchAll(/(\d+(?:\.\d+)?)\s*(hour|minute|second)s?/gi)) {
    const amount = Number(match[1]);
    const unit = (match[2] ?? '').toLowerCase();
    total += amount * (unit === 'hour' ? 3_600_000 : unit === 'minute' ? 60_000 : 1_000);
    found = true;
  }
  return found ? Math.ceil(total) : undefined;
}

export function creditShortageOf(errors: readonly GraphqlError[]): CreditShortage | undefined {
  const error = errors.find((e) => Number(e.code) === NOT_ENOUGH_CREDITS);
  if (!error) return undefined;
  const waitMs = parseTimeRemaining(error.time_remaining) ?? parseTimeRemaining(error.message);
  return {
    remaining: error.remaining_credits ?? 0,
    required: error.required_credits,
    // Without a word on when, a second is the bucket's refill of 60 credits.
    waitMs: waitMs ?? 1_000,
  };
}

const NOT_FOUND = /\bnot\s+(be\s+)?found\b|does not exist|\bno\s+\w+\s+found\b/i;
/** graphql-js's own validation messages, which ShipHero answers for invalid documents. */
const INVALID_DOCUMENT =
  /^(Cannot query field|Unknown (argument|type|fragment|directive)|Field "|Variable "\$|Argument "|Expected value of type|Syntax Error|Fragment "|Expected type|Int cannot represent|String cannot represent|Boolean cannot represent|Enum "|Value )/;

export function isNotFound(errors: readonly GraphqlError[]): boolean {
  return errors.some((e) => NOT_FOUND.test(e.message));
}

/**
 * The one classification of GraphQL errors inside a 200: throttling waits (and spends no
 * attempt), invalid documents, invalid input and missing entities are permanent, anything else
 * (ShipHero's own failures) is worth retrying.
 */
export function classifyGraphqlErrors(
  operation: string,
  errors: readonly GraphqlError[],
): ShiplinkError {
  const endpoint = `POST /graphql ${operation}`;
  const details = { provider: SHIPHERO_PROVIDER, endpoint, status: 200 };
  const summary = errors
    .slice(0, 3)
    .map((e) => (e.code !== undefined ? `[${e.code}] ${e.message}` : e.message))
    .join('; ')
    .slice(0, 500);
  const message = `shiphero ${operation}: ${summary}`;
  const shortage = creditShortageOf(errors);
  if (shortage) {
    return new RateLimitedError(message, shortage.waitMs, {
      ...details,
      reason: `${SHIPHERO_PROVIDER}.not_enough_credits`,
    });
  }
  if (errors.some((e) => e.locations !== undefined || INVALID_DOCUMENT.test(e.message))) {
    return new PermanentError(message, {
      ...details,
      reason: `${SHIPHERO_PROVIDER}.invalid_document`,
    });
  }
  if (isNotFound(errors)) {
    return new PermanentError(message, { ...details, reason: `${SHIPHERO_PROVIDER}.not_found` });
  }
  if (errors.some((e) => /invalid|required|must be|not allowed|already exists/i.test(e.message))) {
    return new PermanentError(message, {
      ...details,
      reason: `${SHIPHERO_PROVIDER}.invalid_input`,
    });
  }
  return new RetryableError(message, { ...details, reason: `${SHIPHERO_PROVIDER}.server_error` });
}
