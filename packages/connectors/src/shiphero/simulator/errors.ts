/**
 * ShipHero's error shapes. Resolver errors sit in `errors[]` of an HTTP 200 answer, with the root
 * field null and ShipHero's own keys beside the message:
 * `{ message, operation, field, request_id, code }`. The codes the simulator uses:
 * - 3: an input ShipHero refuses (a bad date, a duplicate webhook, an unknown warehouse, …);
 * - 6: the entity named does not exist in this account;
 * - 30: not enough credits (see `notEnoughCreditsError`).
 */
export const SHIPHERO_ERROR_CODES = {
  invalidInput: 3,
  notFound: 6,
  notEnoughCredits: 30,
} as const;

export class ShipHeroApiError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
    this.name = 'ShipHeroApiError';
  }
}

export const notFound = (what: string): ShipHeroApiError =>
  new ShipHeroApiError(`${what} not found`, SHIPHERO_ERROR_CODES.notFound);

export const invalidInput = (message: string): ShipHeroApiError =>
  new ShipHeroApiError(message, SHIPHERO_ERROR_CODES.invalidInput);

/** The body of every HTTP-level refusal (401, 429, 5xx): one error with an HTTP-like code. */
export const httpErrorBody = (message: string, code: number) => ({ errors: [{ message, code }] });

export interface CreditShortage {
  operation: string;
  requestId: string;
  required: number;
  remaining: number;
  waitSeconds: number;
}

/** ShipHero's throttling answer, word for word (HTTP 200). */
export function notEnoughCreditsError(shortage: CreditShortage) {
  const { required, remaining, waitSeconds } = shortage;
  return {
    code: SHIPHERO_ERROR_CODES.notEnoughCredits,
    message:
      `There are not enough credits to perform the requested operation, which requires ` +
      `${required} credits, but there are only ${remaining} left. In ${waitSeconds} seconds ` +
      `you will have enough credits to perform the operation`,
    operation: shortage.operation,
    request_id: shortage.requestId,
    required_credits: required,
    remaining_credits: remaining,
    time_remaining: `${waitSeconds} seconds`,
  };
}

/**
 * An operation costing more than the whole bucket can never run, so there is no `time_remaining`
 * to wait for: the caller has to ask for less.
 */
export function operationTooExpensiveError(
  shortage: Omit<CreditShortage, 'waitSeconds'>,
  capacity: number,
) {
  return {
    code: SHIPHERO_ERROR_CODES.notEnoughCredits,
    message:
      `The requested operation requires ${shortage.required} credits, more than the maximum of ` +
      `${capacity} credits an operation may use. Request fewer results, e.g. a smaller first`,
    operation: shortage.operation,
    request_id: shortage.requestId,
    required_credits: shortage.required,
    remaining_credits: shortage.remaining,
  };
}
