import { STATUS_WORDS } from '@shiplink/domain';
import type { Messages } from './messages';

export const en: Messages = {
  languageName: 'English',
  languageNav: 'Language',
  skipToContent: 'Skip to content',
  errorTitlePrefix: 'Error: ',

  orderHeading: (orderNumber) => `Order ${orderNumber}`,
  parcelOnlyHeading: 'Your parcel',
  parcelHeading: (index, total) => (total > 1 ? `Parcel ${index} of ${total}` : 'Parcel'),
  noParcelsYet:
    'Your order has not been shipped yet. This page will show each parcel once it is on its way.',
  carrier: 'Carrier',
  trackingNumber: 'Tracking number',
  estimatedDelivery: 'Estimated delivery',
  carrierPageLink: (carrierName) => `Track with ${carrierName}`,
  status: STATUS_WORDS.en,
  statusNote: {
    delayed: 'Your parcel is taking longer than expected, but it is still on its way.',
    on_hold:
      'The carrier is holding your parcel for now. It will continue once the hold is cleared.',
    available_for_pickup:
      'Your parcel is waiting at the pickup point. Bring an ID, and collect it before the pickup period ends.',
    attempt_failed:
      'The carrier tried to deliver your parcel but could not. Follow the carrier’s instructions to arrange a new delivery or a pickup.',
    exception:
      'Something has held up the delivery. The carrier is working on it; contact the store if you have questions.',
    return_to_sender:
      'Your parcel is being sent back to the store. Contact the store to arrange a new delivery or a refund.',
    returned:
      'Your parcel has been returned to the store. Contact the store to arrange a new delivery or a refund.',
    failed:
      'The carrier could not deliver this parcel. Please contact the store so they can sort it out.',
    cancelled: 'This shipment was cancelled. Contact the store if this is unexpected.',
    expired:
      'The carrier has not shared any news for a while. Contact the store if your parcel has not arrived.',
    tracking_error:
      'We cannot show tracking for this parcel right now. Contact the store if you have questions.',
  },
  progressLabel: 'Delivery progress',
  progressStep: {
    ordered: 'Ordered',
    shipped: 'Shipped',
    onItsWay: 'On its way',
    outForDelivery: 'Out for delivery',
    delivered: 'Delivered',
  },
  progressPosition: (step, total) => `Step ${step} of ${total}`,
  stepDone: 'done',
  itemsInParcel: 'Items in this parcel',
  history: 'Tracking history',
  noEvents: 'No updates from the carrier yet.',
  stillBeingPrepared: 'Still being prepared',
  stillBeingPreparedIntro: 'These items are not in a parcel yet. They will ship separately.',
  lookUpAnother: 'Look up another order',

  lookupHeading: 'Track your order',
  lookupIntro:
    'Enter your order number and the e-mail address or postcode you ordered with. You can also track a single parcel by its tracking number.',
  orderFormHeading: 'Find your order',
  orderNumberLabel: 'Order number',
  orderNumberHint: 'You can find it in your order confirmation e-mail.',
  contactLabel: 'E-mail or postcode',
  contactHint: 'The e-mail address you ordered with, or the delivery postcode.',
  findOrder: 'Find my order',
  trackingFormHeading: 'Track by tracking number',
  trackingNumberHint: 'It is in your shipping confirmation e-mail.',
  trackParcel: 'Track parcel',
  problemHeading: 'There is a problem',
  problem: {
    not_found: 'We could not find an order with these details. Check them and try again.',
    rate_limited: 'Too many attempts. Please wait a few minutes and try again.',
    invalid:
      'Enter your order number together with your e-mail address or postcode, or enter a tracking number.',
  },

  unsubscribe: {
    heading: 'Stop tracking e-mails?',
    body: 'You will get no more e-mails about your parcels from {store}. Order confirmations and receipts are not affected.',
    button: 'Unsubscribe',
    doneHeading: 'You are unsubscribed',
    doneBody:
      '{store} will send you no more tracking e-mails. You can still follow your parcels on this page.',
  },
  error: {
    not_found: {
      heading: 'Order not found',
      body: 'We could not find an order with these details. Check the link in your e-mail, or look up your order with its order number.',
    },
    gone: {
      heading: 'This link is no longer valid',
      body: 'The tracking link has expired or has been withdrawn. You can still look up your order with its order number.',
    },
    rate_limited: {
      heading: 'Too many attempts',
      body: 'You have made a lot of requests in a short time. Please wait a few minutes and try again.',
    },
  },
  lookUpOrder: 'Look up your order',

  supportHeading: 'Need help?',
  supportIntro: (storeName) => `Contact ${storeName} customer service.`,
  supportEmail: 'E-mail',
  supportPhone: 'Phone',
  supportWebsite: 'Help and contact page',
};
