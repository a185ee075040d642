import { isOutage } from './outage';
import { PermanentError } from './errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isOutage', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset socket', withCode('ECONNRESET')],
    [
      'PostgreSQL shutting down (57P01)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['PostgreSQL starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', withCode('08006')],
    ['too many clients (53300)', withCode('53300')],
    ['pg: connection terminated', new Error('Connection terminated unexpectedly')],
    ['pg: pool checkout timeout', new Error('timeout exceeded when trying to connect')],
    ['Prisma P1001', withCode('P1001')],
    [
      'a Prisma driver-adapter error',
      Object.assign(new Error('Raw query failed'), {
        code: 'P2010',
        meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } },
      }),
    ],
    [
      'ioredis offline',
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
    ],
    ['ioredis closed', new Error('Connection is closed.')],
    ['a wrapped cause', new Error('enqueue failed', { cause: withCode('ECONNREFUSED') })],
    ['one of several', new AggregateError([new Error('a'), withCode('ETIMEDOUT')])],
  ])('recognises %s', (_case, error) => {
    expect(isOutage(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['bad input to PostgreSQL', withCode('22P05', 'unsupported Unicode escape sequence')],
    ['a plain bug', new TypeError('x is undefined')],
    ['a classified permanent failure', new PermanentError('bad address')],
    ['a string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('does not take %s for one', (_case, error) => {
    expect(isOutage(error)).toBe(false);
  });
});
