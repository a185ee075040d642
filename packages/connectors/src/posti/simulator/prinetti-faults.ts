import { z } from 'zod';

/** The Prinetti endpoints a fault can be aimed at. */
export const PRINETTI_ENDPOINTS = ['create-shipment', 'get-shipping-label'] as const;
/** A Prinetti endpoint, by the last part of its path. */
export type PrinettiEndpoint = (typeof PRINETTI_ENDPOINTS)[number];

/**
 * `POST /__control/prinetti/faults`: the next `count` authenticated Prinetti requests (of
 * `endpoint`, or both) are answered with `status` and nothing is stored. The HTTP status is 200,
 * as Prinetti reports failures in `response.status`, unless `httpStatus` says otherwise.
 */
export const PrinettiFaultSchema = z.object({
  status: z.union([z.literal(100), z.literal(160), z.literal(240)]),
  count: z.number().int().positive().optional(),
  endpoint: z.enum(PRINETTI_ENDPOINTS).optional(),
  message: z.string().min(1).optional(),
  httpStatus: z.number().int().min(200).max(599).optional(),
});
/** One queued Prinetti fault. */
export type PrinettiFault = z.infer<typeof PrinettiFaultSchema>;

/** The queued Prinetti faults, each used up request by request. */
export class PrinettiFaults {
  private faults: { fault: PrinettiFault; left: number }[] = [];

  add(fault: PrinettiFault): void {
    this.faults.push({ fault, left: fault.count ?? Number.POSITIVE_INFINITY });
  }

  list(): PrinettiFault[] {
    return this.faults.map(({ fault, left }) => ({
      ...fault,
      ...(Number.isFinite(left) ? { count: left } : {}),
    }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes one use of the first fault for `endpoint`, if any. */
  take(endpoint: PrinettiEndpoint): PrinettiFault | undefined {
    const index = this.faults.findIndex(
      ({ fault }) => fault.endpoint === undefined || fault.endpoint === endpoint,
    );
    const entry = this.faults[index];
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }
}
