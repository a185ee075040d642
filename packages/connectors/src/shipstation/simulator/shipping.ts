import { z } from 'zod';
import { shipDateFor } from './render';
import type { ShipStationState, SimOrder, SimShipment } from './state';

/** What a warehouse does in ShipStation's UI: buy a label for some or all of an order's items. */
export const ShipRequestSchema = z
  .object({
    /** Default: every unit not yet on a live label. */
    items: z
      .array(
        z
          .object({
            lineItemKey: z.string().min(1).optional(),
            orderItemId: z.number().int().optional(),
            quantity: z.number().int().positive(),
          })
          .strict()
          .refine((item) => item.lineItemKey !== undefined || item.orderItemId !== undefined, {
            message: 'lineItemKey or orderItemId is required',
          }),
      )
      .min(1)
      .optional(),
    carrierCode: z.string().min(1),
    serviceCode: z.string().min(1),
    packageCode: z.string().min(1).optional(),
    trackingNumber: z.string().min(1).max(50).optional(),
    shipmentCost: z.number().nonnegative().optional(),
    /** What the label's insurance cost (ShipStation's insuranceCost); 0 unless given. */
    insuranceCost: z.number().nonnegative().optional(),
    /** The batch number shown on the label (ShipStation's batchNumber). */
    batch: z.string().min(1).optional(),
  })
  .strict();
export type ShipRequest = z.infer<typeof ShipRequestSchema>;

export class ShipError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export interface ShipPlan {
  order: SimOrder;
  request: ShipRequest;
  lines: { orderItemId: number; quantity: number }[];
}

const SHIPPABLE = new Set(['awaiting_shipment', 'pending_fulfillment']);

/** Checks a request against the order without changing anything (batches are all-or-nothing). */
export function planShipment(
  state: ShipStationState,
  orderId: number,
  request: ShipRequest,
): ShipPlan {
  const order = state.orders.get(orderId);
  if (!order || order.deleted) throw new ShipError(404, `order ${orderId} not found`);
  if (!SHIPPABLE.has(order.status)) {
    throw new ShipError(409, `order ${orderId} is ${order.status} and cannot be shipped`);
  }
  const goods = order.items.filter((item) => item.input.adjustment !== true);
  const wanted = request.items
    ? request.items.map((line) => {
        const item = goods.find((candidate) =>
          line.orderItemId !== undefined
            ? candidate.orderItemId === line.orderItemId
            : candidate.input.lineItemKey === line.lineItemKey,
        );
        if (!item) {
          throw new ShipError(
            400,
            `order ${orderId} has no item ${line.lineItemKey ?? line.orderItemId}`,
          );
        }
        return { item, quantity: line.quantity };
      })
    : goods.map((item) => ({ item, quantity: item.input.quantity - item.shipped }));

  const lines = new Map<number, number>();
  for (const { item, quantity } of wanted) {
    const total = (lines.get(item.orderItemId) ?? 0) + quantity;
    if (total > item.input.quantity - item.shipped) {
      throw new ShipError(
        400,
        `item ${item.input.lineItemKey ?? item.orderItemId} has ${item.input.quantity - item.shipped} unit(s) left to ship`,
      );
    }
    lines.set(item.orderItemId, total);
  }
  const nonEmpty = [...lines].filter(([, quantity]) => quantity > 0);
  if (!nonEmpty.length) throw new ShipError(409, `order ${orderId} has nothing left to ship`);
  return {
    order,
    request,
    lines: nonEmpty.map(([orderItemId, quantity]) => ({ orderItemId, quantity })),
  };
}

type Family = 'usps' | 'ups' | 'fedex' | 'dhl' | 'canada_post' | 'royal_mail' | 'other';

function family(carrierCode: string): Family {
  if (/^(stamps_com|usps|endicia|express_1)$/.test(carrierCode)) return 'usps';
  if (carrierCode.startsWith('ups')) return 'ups';
  if (carrierCode.startsWith('fedex')) return 'fedex';
  if (carrierCode.startsWith('dhl_express')) return 'dhl';
  if (carrierCode === 'canada_post' || carrierCode === 'royal_mail') return carrierCode;
  return 'other';
}

const digits = (value: number, width: number) => String(value).padStart(width, '0').slice(-width);

/** A number shaped like the carrier's (stable per shipment id, so tests can predict it). */
export function trackingNumberFor(carrierCode: string, shipmentId: number): string {
  switch (family(carrierCode)) {
    case 'usps':
      return `9400111${digits(shipmentId, 15)}`;
    case 'ups':
      return `1Z9X4V7103${digits(shipmentId, 8)}`;
    case 'fedex':
      return `7${digits(shipmentId, 11)}`;
    case 'dhl':
      return `4${digits(shipmentId, 9)}`;
    case 'canada_post':
      return `7023${digits(shipmentId, 12)}`;
    case 'royal_mail':
      return `RM${digits(shipmentId, 9)}GB`;
    case 'other':
      return `SS${digits(shipmentId, 14)}`;
  }
}

const BASE_COST: Record<Family, number> = {
  usps: 4.25,
  ups: 9.8,
  fedex: 10.4,
  dhl: 24.5,
  canada_post: 11.2,
  royal_mail: 3.85,
  other: 7.5,
};

export function costFor(carrierCode: string, units: number): number {
  return Math.round((BASE_COST[family(carrierCode)] + 0.35 * Math.max(0, units - 1)) * 100) / 100;
}

/** What a label is bought with, outbound or return. */
interface LabelRequest {
  carrierCode: string;
  serviceCode: string;
  packageCode?: string | undefined;
  trackingNumber?: string | undefined;
  shipmentCost?: number | undefined;
  insuranceCost?: number | undefined;
}

/** A new label for these items, with a carrier-shaped tracking number and a cost unless given. */
export function newLabel(
  state: ShipStationState,
  order: SimOrder,
  request: LabelRequest,
  items: { orderItemId: number; quantity: number }[],
  kind: { batchId: number; batchNumber: string | null; isReturnLabel: boolean },
): SimShipment {
  const shipmentId = state.next('shipment');
  const units = items.reduce((sum, line) => sum + line.quantity, 0);
  return {
    shipmentId,
    orderId: order.orderId,
    account: order.account,
    ...kind,
    createdAt: state.now(),
    shipDate: shipDateFor(state),
    carrierCode: request.carrierCode,
    serviceCode: request.serviceCode,
    packageCode: request.packageCode ?? 'package',
    trackingNumber: request.trackingNumber ?? trackingNumberFor(request.carrierCode, shipmentId),
    cost: request.shipmentCost ?? costFor(request.carrierCode, units),
    insuranceCost: request.insuranceCost ?? 0,
    warehouseId: order.warehouseId,
    items,
    voided: false,
    voidedAt: null,
  };
}

/** Buys the label: records the shipment and moves the order to shipped once nothing is left. */
export function commitShipment(
  state: ShipStationState,
  plan: ShipPlan,
  batch: { batchId: number; batchNumber: string | null },
): SimShipment {
  const { order, request, lines } = plan;
  const shipment = newLabel(state, order, request, lines, {
    batchId: batch.batchId,
    batchNumber: request.batch ?? batch.batchNumber,
    isReturnLabel: false,
  });
  for (const line of lines) {
    const item = order.items.find((candidate) => candidate.orderItemId === line.orderItemId);
    if (item) item.shipped += line.quantity;
  }
  state.shipments.set(shipment.shipmentId, shipment);
  const left = order.items.some(
    (item) => item.input.adjustment !== true && item.shipped < item.input.quantity,
  );
  // A partial label leaves the order open for the rest, as a warehouse shipping in parts expects.
  state.setStatus(order, left ? order.status : 'shipped');
  return shipment;
}

/** Voiding gives the units back and reopens a shipped order, as ShipStation does. */
export function voidShipment(
  state: ShipStationState,
  orderId: number,
  shipmentId: number,
): SimShipment {
  const shipment = state.shipments.get(shipmentId);
  const order = state.orders.get(orderId);
  if (!shipment || !order || shipment.orderId !== orderId) {
    throw new ShipError(404, `shipment ${shipmentId} of order ${orderId} not found`);
  }
  if (shipment.voided) throw new ShipError(409, `shipment ${shipmentId} is already voided`);
  shipment.voided = true;
  shipment.voidedAt = state.now();
  // A return label never took units off the order, so voiding one gives none back.
  if (shipment.isReturnLabel) return shipment;
  for (const line of shipment.items) {
    const item = order.items.find((candidate) => candidate.orderItemId === line.orderItemId);
    if (item) item.shipped = Math.max(0, item.shipped - line.quantity);
  }
  state.setStatus(order, order.status === 'shipped' ? 'awaiting_shipment' : order.status);
  return shipment;
}
