import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

/**
 * Faults a simulator can be told to produce, for demos and tests:
 * - `rate_limit`: 429 with the provider's rate-limit headers;
 * - `rate_limit_bare`: 429 without any header (platform overload);
 * - `server_error`: 500 (or `status`, e.g. 502/503);
 * - `slow`: answers normally after `delayMs`;
 * - `timeout`: never answers within `delayMs` and then drops the connection;
 * - `lost_response`: does the work, then drops the connection instead of answering (a provider
 *   that committed a create whose answer never arrived).
 */
export const FaultSchema = z.object({
  kind: z.enum([
    'rate_limit',
    'rate_limit_bare',
    'server_error',
    'slow',
    'timeout',
    'lost_response',
  ]),
  /** How many matching requests it applies to; omitted = until cleared. */
  count: z.number().int().positive().optional(),
  /** Only requests whose path starts with this. */
  path: z.string().optional(),
  method: z.string().optional(),
  status: z.number().int().min(500).max(599).optional(),
  delayMs: z.number().int().nonnegative().max(120_000).optional(),
  /** For rate_limit: the seconds/ms the headers announce until reset. */
  resetMs: z.number().int().nonnegative().optional(),
});
export type Fault = z.infer<typeof FaultSchema>;

export interface FaultResponder {
  /** Sends the provider-shaped 429 (with or without headers). */
  rateLimited(res: Response, withHeaders: boolean, resetMs: number): void;
  /** Sends the provider-shaped server error. */
  serverError(res: Response, status: number): void;
}

export class FaultInjector {
  private faults: { fault: Fault; left: number }[] = [];

  add(fault: Fault): void {
    this.faults.push({ fault, left: fault.count ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map(({ fault, left }) => ({
      ...fault,
      ...(Number.isFinite(left) ? { count: left } : {}),
    }));
  }

  /** Takes one use of the first fault matching the request, if any. */
  take(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      ({ fault }) =>
        (!fault.path || path.startsWith(fault.path)) &&
        (!fault.method || fault.method.toUpperCase() === method.toUpperCase()),
    );
    if (index < 0) return undefined;
    const entry = this.faults[index]!;
    entry.left -= 1;
    if (entry.left <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }

  middleware(responder: FaultResponder) {
    return (req: Request, res: Response, next: NextFunction): void => {
      const fault = this.take(req.method, req.path);
      if (!fault) return next();
      switch (fault.kind) {
        case 'rate_limit':
          return responder.rateLimited(res, true, fault.resetMs ?? 1_000);
        case 'rate_limit_bare':
          return responder.rateLimited(res, false, 0);
        case 'server_error':
          return responder.serverError(res, fault.status ?? 500);
        case 'slow':
          setTimeout(next, fault.delayMs ?? 1_000);
          return;
        case 'timeout':
          setTimeout(() => res.socket?.destroy(), fault.delayMs ?? 30_000);
          return;
        case 'lost_response':
          res.end = (() => {
            res.socket?.destroy();
            return res;
          }) as typeof res.end;
          return next();
      }
    };
  }
}
