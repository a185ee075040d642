/**
 * Recognises "the infrastructure is away" (PostgreSQL or Redis restarting, a dropped socket, an
 * exhausted pool) in whatever shape the driver reports it, so that callers answer 503 and jobs
 * retry instead of treating it as a bug. Shapes are matched structurally: this package knows no
 * driver.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** SQLSTATE: connection exceptions, insufficient resources, operator intervention (shutdown). */
const SQLSTATE = /^(08\w{3}|53\w{3}|57P0[1-4])$/;
/** Prisma: cannot reach, timed out, server closed the connection, pool exhausted. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Prisma's driver-adapter error kinds for the same situations. */
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'DatabaseDoesNotExist',
]);
const MESSAGES =
  /connection terminated|connection is closed|stream isn't writeable|max retries per request|timeout exceeded when trying to connect|can't reach database server|server closed the connection|client has encountered a connection error|cluster isn't ready|none of startup nodes is available|failed to refresh slots cache|clusterdown|tryagain|cluster is ended/i;

export function isOutage(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  const shape = error as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
    meta?: { driverAdapterError?: { cause?: unknown } };
  };
  const code = typeof shape.code === 'string' ? shape.code : '';
  if (NETWORK_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code)) return true;
  if (typeof shape.kind === 'string' && ADAPTER_KINDS.has(shape.kind)) return true;
  if (
    shape.kind === 'postgres' &&
    isOutage({ code: (error as { originalCode?: unknown }).originalCode }, depth + 1)
  ) {
    return true;
  }
  if (typeof shape.message === 'string' && MESSAGES.test(shape.message.slice(0, 500))) return true;
  const nested = [
    shape.cause,
    shape.meta?.driverAdapterError?.cause,
    ...(Array.isArray(shape.errors) ? shape.errors : []),
  ];
  return nested.some((inner) => isOutage(inner, depth + 1));
}
