import { z } from 'zod';
import {
  AddressSchema,
  CustomFieldsDraftSchema,
  DeliveryItemSchema,
  FieldContainerSchema,
  KeySchema,
  ParcelDraftSchema,
  ParcelMeasurementsSchema,
  TrackingDataSchema,
  resourceIdentifier,
} from './draft-schemas';

/** The Order update actions the simulator performs, field for field as the OpenAPI names them. */

export const OrderStateSchema = z.enum(['Open', 'Confirmed', 'Complete', 'Cancelled']);
/** The order's ShipmentState (note `Canceled`). */
export const ShipmentStateSchema = z.enum([
  'Shipped',
  'Delivered',
  'Ready',
  'Pending',
  'Delayed',
  'Partial',
  'Backorder',
  'Canceled',
]);
/** The order's PaymentState. */
export const PaymentStateSchema = z.enum(['BalanceDue', 'Failed', 'Pending', 'CreditOwed', 'Paid']);
/** A ReturnItem's ReturnShipmentState. */
export const ReturnShipmentStateSchema = z.enum(['Advised', 'Returned', 'BackInStock', 'Unusable']);
/** A ReturnItem's ReturnPaymentState. */
export const ReturnPaymentStateSchema = z.enum([
  'NonRefundable',
  'Initial',
  'Refunded',
  'NotRefunded',
]);

const deliveryRef = { deliveryId: z.string().optional(), deliveryKey: z.string().optional() };
const parcelRef = { parcelId: z.string().optional(), parcelKey: z.string().optional() };
const returnItemRef = { returnItemId: z.string().optional(), returnItemKey: z.string().optional() };

const ReturnItemDraftSchema = z.object({
  key: KeySchema.optional(),
  quantity: z.number().int().positive(),
  lineItemId: z.string().optional(),
  customLineItemId: z.string().optional(),
  comment: z.string().optional(),
  shipmentState: ReturnShipmentStateSchema,
  custom: CustomFieldsDraftSchema.optional(),
});

const action = <A extends string, S extends z.ZodRawShape>(name: A, shape: S) =>
  z.object({ action: z.literal(name), ...shape });

const ACTIONS = [
  action('addDelivery', {
    deliveryKey: KeySchema.optional(),
    shippingKey: z.string().optional(),
    items: z.array(DeliveryItemSchema).optional(),
    address: AddressSchema.optional(),
    parcels: z.array(ParcelDraftSchema).optional(),
    custom: CustomFieldsDraftSchema.optional(),
  }),
  action('addParcelToDelivery', {
    ...deliveryRef,
    parcelKey: KeySchema.optional(),
    measurements: ParcelMeasurementsSchema.optional(),
    trackingData: TrackingDataSchema.optional(),
    items: z.array(DeliveryItemSchema).optional(),
    custom: CustomFieldsDraftSchema.optional(),
  }),
  action('setParcelTrackingData', { ...parcelRef, trackingData: TrackingDataSchema.optional() }),
  action('setParcelItems', { ...parcelRef, items: z.array(DeliveryItemSchema) }),
  action('setParcelMeasurements', {
    ...parcelRef,
    measurements: ParcelMeasurementsSchema.optional(),
  }),
  action('removeParcelFromDelivery', parcelRef),
  action('removeDelivery', deliveryRef),
  action('setDeliveryItems', { ...deliveryRef, items: z.array(DeliveryItemSchema) }),
  action('setDeliveryAddress', { ...deliveryRef, address: AddressSchema.optional() }),
  action('setParcelCustomType', {
    ...parcelRef,
    type: resourceIdentifier('type').optional(),
    fields: FieldContainerSchema.optional(),
  }),
  action('setParcelCustomField', {
    ...parcelRef,
    name: z.string().min(1),
    value: z.unknown().optional(),
  }),
  action('changeOrderState', { orderState: OrderStateSchema }),
  action('changeShipmentState', { shipmentState: ShipmentStateSchema.optional() }),
  action('changePaymentState', { paymentState: PaymentStateSchema.optional() }),
  action('addReturnInfo', {
    items: z.array(ReturnItemDraftSchema).min(1),
    returnTrackingId: z.string().optional(),
    returnDate: z.iso.datetime({ offset: true }).optional(),
  }),
  action('setReturnShipmentState', { ...returnItemRef, shipmentState: ReturnShipmentStateSchema }),
  action('setReturnPaymentState', { ...returnItemRef, paymentState: ReturnPaymentStateSchema }),
  action('setCustomType', {
    type: resourceIdentifier('type').optional(),
    fields: FieldContainerSchema.optional(),
  }),
  action('setCustomField', { name: z.string().min(1), value: z.unknown().optional() }),
  action('updateSyncInfo', {
    channel: resourceIdentifier('channel'),
    externalId: z.string().optional(),
    syncedAt: z.iso.datetime({ offset: true }).optional(),
  }),
] as const;

/** Any Order update action the simulator performs. */
export const OrderUpdateActionSchema = z.discriminatedUnion('action', [...ACTIONS]);
/** One parsed Order update action. */
export type OrderUpdateAction = z.infer<typeof OrderUpdateActionSchema>;

/** The action names the simulator knows; any other is refused as the API refuses it. */
export const ORDER_ACTION_NAMES: ReadonlySet<string> = new Set(
  ACTIONS.map((schema) => schema.shape.action.value),
);

/** One action of a given name, narrowed. */
export type ActionOf<N extends OrderUpdateAction['action']> = Extract<
  OrderUpdateAction,
  { action: N }
>;
