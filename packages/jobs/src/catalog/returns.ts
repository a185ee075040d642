import { z } from 'zod';
import { jobKey, RETURN_STATES, type ReportedReturn } from '@shiplink/domain';
import { defineJob } from '../define';
import { externalRef, uuid } from './refs';

const text = z.string().max(500).nullable();

/**
 * A return as a fulfilment system reported it (a ShipStation return label, a ShipHero Return
 * Update): what it carries is all there is, since neither can be read back by id. Checked
 * against the domain's `ReportedReturn`, so the two cannot drift apart.
 */
export const ReportedReturnSchema = z.object({
  sourceRef: externalRef,
  orderKey: externalRef.nullable(),
  fulfilmentOrderId: externalRef.nullable(),
  state: z.enum(RETURN_STATES),
  reason: text,
  trackingNumber: externalRef.nullable(),
  items: z
    .array(
      z.object({
        lineRef: externalRef.nullable(),
        sku: externalRef.nullable(),
        quantity: z.number().int().positive().max(1_000_000),
        condition: z.string().max(100).nullable(),
      }),
    )
    .max(500),
}) satisfies z.ZodType<ReportedReturn>;

/** The `returns` queue: returns recorded once, refunds issued once, goods back to stock. */
export const returnJobs = {
  /** A fulfilment system reported a return: record it (once) and act on it by the store's policy. */
  returnReported: defineJob({
    queue: 'returns',
    name: 'return.reported',
    schema: z.object({ connectionId: uuid, report: ReportedReturnSchema }),
    jobId: (p) => jobKey('return-reported', p.connectionId, p.report.sourceRef, p.report.state),
  }),

  /** A parcel came back to the merchant (its tracking says returned): a return of what it held. */
  parcelReturned: defineJob({
    queue: 'returns',
    name: 'parcel.returned',
    schema: z.object({ shipmentId: uuid }),
    jobId: (p) => jobKey('parcel-returned', p.shipmentId),
  }),

  /** A return's refund was approved (by a person or the policy): issue it, exactly once. */
  refundIssue: defineJob({
    queue: 'returns',
    name: 'refund.issue',
    schema: z.object({ returnId: uuid }),
    jobId: (p) => jobKey('refund-issue', p.returnId),
  }),
} as const;
