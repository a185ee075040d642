import type { NextFunction, Request, Response } from 'express';

/** Which lookups a `slow` fault holds back. */
export type LookupEndpoint = 'pickup-points' | 'shipping-methods';

interface SlowFault {
  delayMs: number;
  left: number;
  endpoints: LookupEndpoint[];
}

/**
 * `slow` faults for the lookups a checkout calls while the shopper waits (pickup point search
 * and info, shipping methods): each of the next `count` matching requests is answered normally,
 * `delayMs` late. The kit's generic faults (`/__control/faults`) apply as well.
 */
export class LookupDelays {
  private faults: SlowFault[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  add(delayMs: number, count: number | undefined, endpoints: LookupEndpoint[]): void {
    this.faults.push({ delayMs, left: count ?? Number.POSITIVE_INFINITY, endpoints });
  }

  list() {
    return this.faults.map(({ delayMs, left, endpoints }) => ({
      kind: 'slow' as const,
      delayMs,
      endpoints,
      ...(Number.isFinite(left) ? { count: left } : {}),
    }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Holds the request back when a fault for `endpoint` is left. */
  middleware(endpoint: LookupEndpoint) {
    return (_req: Request, _res: Response, next: NextFunction): void => {
      const index = this.faults.findIndex((fault) => fault.endpoints.includes(endpoint));
      const fault = this.faults[index];
      if (!fault) return next();
      fault.left -= 1;
      if (fault.left <= 0) this.faults.splice(index, 1);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        next();
      }, fault.delayMs);
      this.timers.add(timer);
    };
  }

  /** Drops the requests still held back (the simulator is closing). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
