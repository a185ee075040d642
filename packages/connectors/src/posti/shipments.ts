import {
  isPickupProduct,
  postiProduct,
  type CarrierCreateOutcome,
  type CarrierShipmentPlan,
  type ShipmentCarrier,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { z } from 'zod';
import type { PostiClient } from './client';
import { outcomeOfFailedCreate } from './create-outcome';
import { pickupPointIdFor, toPostiShipment } from './mapping';
import type { PrinettiShipment } from './prinetti';
import { POSTI_PROVIDER } from './profile';
import { productFor, shipsOnStatus, type PostiSettings } from './settings';
import { POSTI_CARRIER_SLUG, postiTrackingUrl } from './timeline';

/** The plan's document is the consignment as `toPostiShipment` made it, read back from storage. */
const DocumentSchema = z.looseObject({
  reference: z.string(),
  product: z.string(),
  parcels: z.array(z.looseObject({})).min(1),
});

function documentOf(plan: CarrierShipmentPlan): PrinettiShipment {
  if (!DocumentSchema.safeParse(plan.document).success) {
    throw new PermanentError('the recorded Posti shipment document is not a consignment', {
      provider: POSTI_PROVIDER,
      reason: 'posti.plan_invalid',
    });
  }
  return plan.document as PrinettiShipment;
}

/** Whether a product is delivered to a pickup point the customer chose (service 2106). */
const takesPickupPoint = (product: string, settings: PostiSettings) =>
  isPickupProduct(product) ?? product === settings.products.pickup;

/** The name a product goes by on the store's shipment and in reviews. */
const serviceName = (product: string) => {
  const known = postiProduct(product);
  return known ? `Posti ${known.name}` : `Posti ${product}`;
};

/**
 * Posti Shipping (Pakettikauppa) as the carrier of a store's own dispatch: Prinetti XML
 * create-shipment for the consignment and its labels, one tracking code per parcel.
 *
 * The product is what checkout sold (the rate rule's). An order sold another way is not Posti's
 * unless `unmatchedMethods` says `ship`: then it goes as the pickup product when it names a
 * pickup point, and as the home product when it does not.
 */
export function postiShipments(client: PostiClient, settings: PostiSettings): ShipmentCarrier {
  return {
    carrierSlug: POSTI_CARRIER_SLUG,
    shipsOn: (storeStatusId) => shipsOnStatus(settings, storeStatusId),
    plan(order, destination, choice) {
      const field = pickupPointIdFor(order, destination, settings);
      if (!choice.product && settings.unmatchedMethods === 'skip') {
        return {
          ok: false,
          reason: 'not_this_carrier',
          problems: [
            {
              code: 'not_this_carrier',
              field: 'shippingMethod',
              message: `"${destination.shippingMethod ?? ''}" is none of the store's Posti services`,
            },
          ],
        };
      }
      const product = choice.product ?? productFor(settings, field ? 'pickup' : 'home');
      const pickupPointId = takesPickupPoint(product, settings)
        ? (choice.pickupPointId ?? field ?? null)
        : null;
      const planned = toPostiShipment(
        order,
        destination,
        { productCode: product, pickupPointId },
        settings,
      );
      if (!planned.ok) {
        const done = planned.reasons.every((reason) => reason.code === 'nothing_to_ship');
        return {
          ok: false,
          reason: done ? 'nothing_to_ship' : planned.kind,
          problems: planned.reasons,
        };
      }
      const notes = [...planned.notes];
      // Checkout sold delivery to the door: a pickup point left in the order's fields is stale.
      if (field && !pickupPointId) {
        notes.push(`pickup point ${field} not used: ${product} goes to the door`);
      }
      return {
        ok: true,
        serviceCode: product,
        serviceName: serviceName(product),
        reference: planned.shipment.reference,
        parcels: planned.parcels.map((parcel) => ({
          weightKg: parcel.weightKg,
          items: parcel.items.flatMap((item) =>
            item.lineRef ? [{ lineRef: item.lineRef, quantity: item.quantity }] : [],
          ),
        })),
        services: planned.shipment.additionalServices.map((service) => service.code),
        notes,
        document: planned.shipment,
      };
    },
    async create(plan, attemptId): Promise<CarrierCreateOutcome> {
      const document = documentOf(plan);
      let answer;
      try {
        answer = await client.createShipment(client.createShipmentXml(attemptId, document));
      } catch (error) {
        return outcomeOfFailedCreate(error);
      }
      return {
        outcome: 'created',
        shipment: {
          shipmentRef: answer.reference?.uuid ?? null,
          reference: answer.reference?.value || document.reference,
          parcels: answer.trackingCodes.map((code) => ({
            trackingNumber: code.code,
            parcelRef: code.uuid ?? null,
            labelCode: code.labelCode ?? null,
            trackingUrl: postiTrackingUrl(code.code),
          })),
        },
      };
    },
    labels: (shipment) =>
      client.label(
        shipment.reference,
        shipment.parcels.map((parcel) => parcel.trackingNumber),
      ),
  };
}
