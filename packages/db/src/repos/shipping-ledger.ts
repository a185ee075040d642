import { CanonicalOrderSchema, type ShippingLedgerEntry } from '@shiplink/domain';
import type { Db } from '../client';

/** A period's report reads at most this many orders; a longer period is asked for in parts. */
export const LEDGER_MAX_ORDERS = 20_000;

/**
 * The orders of a store whose first live label was bought in the period, each destination with
 * what the customer paid to ship it and every live label of it: an order is reconciled whole,
 * in one period only, however its labels spread over periods.
 */
export async function shippingLedger(
  db: Db,
  storeId: string,
  { from, to }: { from: Date; to: Date },
): Promise<ShippingLedgerEntry[]> {
  const orders = await db.order.findMany({
    where: { storeId, shipments: { some: { voided: false, createdAt: { gte: from, lt: to } } } },
    orderBy: { createdAt: 'asc' },
    take: LEDGER_MAX_ORDERS,
    select: {
      externalId: true,
      orderNumber: true,
      currency: true,
      canonical: true,
      createdAt: true,
      shipments: {
        where: { voided: false },
        orderBy: { createdAt: 'asc' },
        select: {
          carrierCode: true,
          serviceCode: true,
          shippingCost: true,
          insuranceCost: true,
          shipDate: true,
          createdAt: true,
          fulfilmentOrder: { select: { externalAddressId: true } },
        },
      },
    },
  });
  const firstIn = orders.filter((order) => (order.shipments[0]?.createdAt ?? from) >= from);
  return firstIn.flatMap((order) => {
    const canonical = CanonicalOrderSchema.safeParse(order.canonical);
    const destinations = canonical.success ? canonical.data.destinations : [];
    const placedAt = canonical.success ? canonical.data.createdAt : order.createdAt.toISOString();
    const labelsOf = (addressRef: string | undefined, first: boolean) =>
      order.shipments
        .filter((shipment) => {
          const ref = shipment.fulfilmentOrder?.externalAddressId;
          // A shipment the store recorded itself belongs to the order's first destination.
          return ref === undefined ? first : ref === addressRef;
        })
        .map((shipment) => ({
          carrier: shipment.carrierCode,
          service: shipment.serviceCode,
          cost: shipment.shippingCost?.toString() ?? null,
          insurance: shipment.insuranceCost?.toString() ?? null,
          shippedAt: shipment.shipDate?.toISOString().slice(0, 10) ?? null,
        }));
    const base = {
      orderNumber: order.orderNumber,
      orderRef: order.externalId,
      placedAt,
      currency: order.currency,
    };
    if (destinations.length === 0) {
      return [{ ...base, method: null, paid: '0', labels: labelsOf(undefined, true) }];
    }
    return destinations.map((destination, i) => ({
      ...base,
      method: destination.shippingMethod,
      paid: destination.shippingCost,
      labels: labelsOf(destination.addressExternalId, i === 0),
    }));
  });
}
