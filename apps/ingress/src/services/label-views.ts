import { z } from 'zod';
import type { CarrierShipmentState, LabelledShipment } from '@shiplink/db';

/* What the label routes and the CLI take and show: print queries, consignments, print results. */

/**
 * The most consignments one print holds: a print is assembled in memory, and every label not
 * kept yet is asked of the carrier while the caller waits.
 */
export const PRINT_LIMIT = 500;

// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** An order number as the store has it: matched exactly, so never trimmed. */
const OrderNumberSchema = z
  .string()
  .min(1)
  .max(100)
  .refine((number) => !CONTROL_CHARS.test(number), 'must not contain control characters');

/** Which labels to print: the given orders' and/or those made in a window (`until` excluded). */
export const PrintLabelsSchema = z
  .strictObject({
    orderNumbers: z.array(OrderNumberSchema).min(1).max(PRINT_LIMIT).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((input) => input.orderNumbers !== undefined || input.since !== undefined, {
    message: 'give orderNumbers, or since (and until)',
  })
  .refine(
    (input) => !input.since || !input.until || Date.parse(input.since) < Date.parse(input.until),
    { message: 'must be after since', path: ['until'] },
  );
export type PrintLabelsInput = z.infer<typeof PrintLabelsSchema>;

export interface PrintQuery {
  storeId: string;
  orderNumbers?: readonly string[];
  since?: Date;
  until?: Date;
}

export const printQuery = (storeId: string, input: PrintLabelsInput): PrintQuery => ({
  storeId,
  ...(input.orderNumbers ? { orderNumbers: [...new Set(input.orderNumbers)] } : {}),
  ...(input.since ? { since: new Date(input.since) } : {}),
  ...(input.until ? { until: new Date(input.until) } : {}),
});

/** A consignment as the admin API and the CLI show it. */
export interface CarrierShipmentView {
  id: string;
  orderNumber: string;
  status: CarrierShipmentState;
  serviceCode: string;
  serviceName: string;
  shipmentRef: string | null;
  reference: string | null;
  parcels: {
    trackingNumber: string;
    trackingUrl: string;
    parcelRef: string | null;
    items: { lineRef: string; quantity: number }[];
  }[];
  hasLabel: boolean;
  /** Why the carrier could not give the label the last time it was asked. */
  labelError: string | null;
  /** Why the carrier refused the consignment, for a failed one. */
  error: string | null;
  attempts: number;
  createdAt: string;
}

export const present = (record: LabelledShipment): CarrierShipmentView => ({
  id: record.id,
  orderNumber: record.orderNumber,
  status: record.status,
  serviceCode: record.serviceCode,
  serviceName: record.serviceName,
  shipmentRef: record.shipmentRef,
  reference: record.reference,
  parcels: record.parcels.map((parcel) => ({
    trackingNumber: parcel.trackingNumber,
    trackingUrl: parcel.trackingUrl,
    parcelRef: parcel.parcelRef,
    items: parcel.items,
  })),
  hasLabel: record.hasLabel,
  labelError: record.labelError,
  error: record.error,
  attempts: record.attempts,
  createdAt: record.createdAt.toISOString(),
});

/** Why a print holds no label of an order (or of one of its consignments). */
export type MissingReason =
  | 'label_unavailable'
  | 'label_unreadable'
  | 'connection_inactive'
  | 'no_consignment'
  | 'over_print_limit';

export interface MissingLabel {
  orderNumber: string;
  /** Null when no consignment of the order was reached. */
  carrierShipmentId: string | null;
  reason: MissingReason;
  /** The carrier's classified reason, for a label it could not give. */
  cause?: string;
  message: string;
}

export interface PrintedLabel {
  orderNumber: string;
  carrierShipmentId: string;
  trackingNumbers: string[];
  pages: number;
}

/** What a print stopped at: more consignments matched than one print holds. */
export interface PrintLimit {
  limit: number;
  truncated: boolean;
  /** The next print's `since` (with the same orders) when truncated. */
  nextSince: string | null;
}

export interface LabelPrint extends PrintLimit {
  pdf: Buffer;
  included: PrintedLabel[];
  missing: MissingLabel[];
}

/** What a print would hold, found without calling the carrier or reading a PDF. */
export interface LabelPrintPlan extends PrintLimit {
  included: (Omit<PrintedLabel, 'pages'> & {
    /** `fetch`: no label is kept; the print asks the carrier for it. */
    label: 'stored' | 'fetch';
    labelError: string | null;
  })[];
  missing: MissingLabel[];
}
