import { z } from 'zod';
import { KeySchema } from './draft-schemas';

/** SubscriptionDraft, its destinations and formats, and the Subscription update actions. */

/** Every Message type of the `order` resource (the OrderMessage subtypes of the OpenAPI). */
export const ORDER_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'CustomLineItemStateTransition',
  'DeliveryAdded',
  'DeliveryAddressSet',
  'DeliveryCustomFieldAdded',
  'DeliveryCustomFieldChanged',
  'DeliveryCustomFieldRemoved',
  'DeliveryCustomTypeRemoved',
  'DeliveryCustomTypeSet',
  'DeliveryItemsUpdated',
  'DeliveryRemoved',
  'LineItemStateTransition',
  'OrderBillingAddressSet',
  'OrderBusinessUnitSet',
  'OrderCreated',
  'OrderCreatedFromRecurringOrder',
  'OrderCustomFieldAdded',
  'OrderCustomFieldChanged',
  'OrderCustomFieldRemoved',
  'OrderCustomLineItemAdded',
  'OrderCustomLineItemDiscountSet',
  'OrderCustomLineItemQuantityChanged',
  'OrderCustomLineItemRemoved',
  'OrderCustomTypeRemoved',
  'OrderCustomTypeSet',
  'OrderCustomerEmailSet',
  'OrderCustomerGroupSet',
  'OrderCustomerSet',
  'OrderDeleted',
  'OrderDiscountCodeAdded',
  'OrderDiscountCodeRemoved',
  'OrderDiscountCodeStateSet',
  'OrderEditApplied',
  'OrderEstimatedDeliverySet',
  'OrderImported',
  'OrderLineItemAdded',
  'OrderLineItemDiscountSet',
  'OrderLineItemDistributionChannelSet',
  'OrderLineItemRemoved',
  'OrderPaymentStateChanged',
  'OrderPurchaseOrderNumberSet',
  'OrderReturnShipmentStateChanged',
  'OrderShipmentStateChanged',
  'OrderShippingAddressSet',
  'OrderShippingInfoSet',
  'OrderShippingRateInputSet',
  'OrderStateChanged',
  'OrderStateTransition',
  'OrderStoreSet',
  'ParcelAddedToDelivery',
  'ParcelItemsUpdated',
  'ParcelMeasurementsUpdated',
  'ParcelRemovedFromDelivery',
  'ParcelTrackingDataUpdated',
  'ReturnInfoAdded',
  'ReturnInfoSet',
]);

const GoogleCloudPubSubSchema = z.object({
  type: z.literal('GoogleCloudPubSub'),
  projectId: z.string().min(1),
  topic: z.string().min(1),
});

/** Other destinations are stored as sent (their required fields checked) and deliver nothing. */
const OTHER_DESTINATIONS = [
  z.looseObject({ type: z.literal('SQS'), queueUrl: z.string().min(1), region: z.string().min(1) }),
  z.looseObject({ type: z.literal('SNS'), topicArn: z.string().min(1) }),
  z.looseObject({
    type: z.literal('EventBridge'),
    region: z.string().min(1),
    accountId: z.string().min(1),
    source: z.string().optional(),
  }),
  z.looseObject({ type: z.literal('AzureServiceBus'), connectionString: z.string().min(1) }),
  z.looseObject({
    type: z.literal('EventGrid'),
    uri: z.string().min(1),
    accessKey: z.string().min(1),
  }),
  z.looseObject({
    type: z.literal('ConfluentCloud'),
    bootstrapServer: z.string().min(1),
    topic: z.string().min(1),
  }),
  z.looseObject({ type: z.literal('IronMQ'), uri: z.string().min(1) }),
] as const;

/** A Subscription destination: Google Cloud Pub/Sub, or another one stored as sent. */
export const DestinationSchema = z.discriminatedUnion('type', [
  GoogleCloudPubSubSchema,
  ...OTHER_DESTINATIONS,
]);

const MessageSubscriptionSchema = z.object({
  resourceTypeId: z.string().min(1),
  types: z.array(z.string().min(1)).optional(),
});

const ChangeSubscriptionSchema = z.object({ resourceTypeId: z.string().min(1) });

/** DeliveryFormat: Platform or CloudEvents 1.0. */
export const FormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Platform') }),
  z.object({ type: z.literal('CloudEvents'), cloudEventsVersion: z.literal('1.0') }),
]);

/** SubscriptionDraft. */
export const SubscriptionDraftSchema = z.object({
  key: KeySchema.optional(),
  destination: DestinationSchema,
  messages: z.array(MessageSubscriptionSchema).default([]),
  changes: z.array(ChangeSubscriptionSchema).default([]),
  events: z.array(z.unknown()).default([]),
  format: FormatSchema.default({ type: 'Platform' }),
});
/** A parsed SubscriptionDraft. */
export type SubscriptionDraft = z.infer<typeof SubscriptionDraftSchema>;

/** The Subscription update actions the simulator performs. */
export const SubscriptionUpdateActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('setKey'), key: KeySchema.optional() }),
  z.object({
    action: z.literal('setMessages'),
    messages: z.array(MessageSubscriptionSchema).default([]),
  }),
  z.object({
    action: z.literal('setChanges'),
    changes: z.array(ChangeSubscriptionSchema).default([]),
  }),
  z.object({ action: z.literal('changeDestination'), destination: DestinationSchema }),
]);
/** One parsed Subscription update action. */
export type SubscriptionUpdateAction = z.infer<typeof SubscriptionUpdateActionSchema>;
