import { classifyFailure } from '@shiplink/errors';
import { classifyGraphqlErrors, parseTimeRemaining, type GraphqlError } from './graphql-errors';
import { analyzeVariant } from './analyze';
import { DOCUMENTS } from './documents';

const CODE_30: GraphqlError = {
  code: 30,
  message:
    'There are not enough credits to perform the requested operation, which requires 1301 credits, but there are only 263 left. In 18 seconds you will have enough credits to perform the operation',
  operation: 'orders',
  request_id: '5f1c',
  required_credits: 1301,
  remaining_credits: 263,
  time_remaining: '18 seconds',
};

describe('ShipHero GraphQL errors', () => {
  it.each([
    ['18 seconds', 18_000],
    ['1 second', 1_000],
    ['1 minute 5 seconds', 65_000],
    ['In 2 seconds you will have enough credits', 2_000],
    ['soon', undefined],
    [undefined, undefined],
  ])('reads %j as %j ms', (text, ms) => {
    expect(parseTimeRemaining(text)).toBe(ms);
  });

  it('delays a code-30 shortage by what ShipHero says, without spending an attempt', () => {
    const failure = classifyFailure(classifyGraphqlErrors('OrderCreate', [CODE_30]));
    expect(failure).toMatchObject({
      kind: 'rate_limited',
      reason: 'shiphero.not_enough_credits',
      waitMs: 18_000,
    });
  });

  it('reads the wait from the message when time_remaining is missing', () => {
    const { time_remaining: _dropped, ...withoutTime } = CODE_30;
    expect(classifyFailure(classifyGraphqlErrors('OrderCreate', [withoutTime]))).toMatchObject({
      waitMs: 18_000,
    });
  });

  it.each([
    [
      { message: 'Cannot query field "nope" on type "Order".', locations: [{ line: 1 }] },
      'permanent',
      'shiphero.invalid_document',
    ],
    [
      { message: 'Variable "$id" of required type "String!" was not provided.' },
      'permanent',
      'shiphero.invalid_document',
    ],
    [{ message: 'Order not found', code: 6 }, 'permanent', 'shiphero.not_found'],
    [{ message: 'sku is required for line items', code: 9 }, 'permanent', 'shiphero.invalid_input'],
    [{ message: 'Internal server error', code: 500 }, 'retryable', 'shiphero.server_error'],
    [{ message: 'Something went wrong' }, 'retryable', 'shiphero.server_error'],
  ] as [GraphqlError, string, string][])('classifies %j once: %s (%s)', (error, kind, reason) => {
    expect(classifyFailure(classifyGraphqlErrors('Order', [error]))).toMatchObject({
      kind,
      reason,
    });
  });
});

describe('analyze variants', () => {
  it('adds analyze: true to each root field of a query, and leaves mutations alone', () => {
    expect(analyzeVariant(DOCUMENTS.Order)).toMatch(/order\(id: \$id, analyze: true\)/);
    expect(analyzeVariant(DOCUMENTS.Account)).toMatch(/account\(analyze: true\)/);
    // Nested fields keep their arguments as they were.
    expect(analyzeVariant(DOCUMENTS.Order)).not.toMatch(/line_items\([^)]*analyze/);
    expect(analyzeVariant(DOCUMENTS.OrderCreate)).toBeUndefined();
  });
});
