import type { LanguageCopy } from './copy';

// Where to reach the store, when it has said: e-mail first, the phone otherwise.
const SUPPORT =
  '{{#if store.supportEmail}} at {{store.supportEmail}}{{else if store.supportPhone}} on {{store.supportPhone}}{{/if}}';

// SMS text stays in the GSM-7 alphabet (straight apostrophes, no dashes): one other character
// makes the whole message UCS-2, which halves what fits in a segment.
export const en: LanguageCopy = {
  greeting: 'Hi{{#if customer.name}} {{customer.name}}{{/if}},',
  labels: {
    estimatedDelivery: 'Estimated delivery',
    status: 'Status',
    carrier: 'Carrier',
    trackingNumber: 'Tracking number',
    latestUpdate: 'Latest update',
    items: 'In this parcel',
  },
  track: 'Track your parcel',
  thanks: 'Thank you for shopping with us!',
  triggers: {
    shipped: {
      subject: 'Your order {{order.number}} is on its way',
      heading: 'Your order is on its way',
      intro:
        'Good news! Your order {{order.number}} has shipped and is now with {{parcel.carrierName}}.',
      sms: '{{store.name}}: your order {{order.number}} is on its way with {{parcel.carrierName}}. Track: {{links.trackingPage}}',
    },
    out_for_delivery: {
      subject: 'Your order {{order.number}} is out for delivery',
      heading: 'Your parcel arrives today',
      intro:
        'Your order {{order.number}} is out for delivery with {{parcel.carrierName}} and should reach you today.',
      advice: 'Please keep your phone nearby in case the driver needs to reach you.',
      sms: '{{store.name}}: your order {{order.number}} is out for delivery today. Track: {{links.trackingPage}}',
    },
    available_for_pickup: {
      subject: 'Your order {{order.number}} is ready for pickup',
      heading: 'Your parcel is waiting for you',
      intro:
        'Your order {{order.number}} has arrived at the pickup point and is ready to be collected.',
      advice:
        'Please bring a photo ID and your tracking number {{parcel.trackingNumber}} when you collect it. Pick it up before the collection period ends, or it will be sent back to us.',
      sms: '{{store.name}}: your order {{order.number}} is ready for pickup. Bring a photo ID. Details: {{links.trackingPage}}',
    },
    delivered: {
      subject: 'Your order {{order.number}} has been delivered',
      heading: 'Your order has arrived',
      intro:
        '{{parcel.carrierName}} has delivered your order {{order.number}}. We hope you enjoy it!',
      advice: `Can't find it? Check around your door and with your neighbours, and if it still hasn't turned up, contact us${SUPPORT}.`,
      sms: '{{store.name}}: your order {{order.number}} has been delivered. Enjoy! Details: {{links.trackingPage}}',
    },
    exception: {
      subject: 'A problem with the delivery of your order {{order.number}}',
      heading: 'There is a problem with your delivery',
      intro:
        '{{parcel.carrierName}} has reported a problem with the delivery of your order {{order.number}}.',
      advice: `Don't worry: the carrier is working on it, and we are keeping an eye on your parcel. If you have any questions, contact us${SUPPORT}.`,
      sms: "{{store.name}}: there's a problem with the delivery of your order {{order.number}}. We're on it. Details: {{links.trackingPage}}",
    },
    attempt_failed: {
      subject: 'We missed you: delivery of your order {{order.number}}',
      heading: 'Sorry we missed you',
      intro:
        '{{parcel.carrierName}} tried to deliver your order {{order.number}} but could not reach you.',
      advice:
        'You can arrange a new delivery or choose a pickup point on the tracking page, or contact {{parcel.carrierName}} with your tracking number {{parcel.trackingNumber}}.',
      sms: '{{store.name}}: {{parcel.carrierName}} missed you with your order {{order.number}}. Arrange a new delivery: {{links.trackingPage}}',
    },
    returned: {
      subject: 'Your order {{order.number}} has been returned to us',
      heading: 'Your parcel came back to us',
      intro:
        'Your order {{order.number}} could not be delivered and has been returned to {{store.name}}.',
      advice: `Please contact us${SUPPORT} and we will arrange a new delivery or a refund.`,
      sms: '{{store.name}}: your order {{order.number}} was returned to us. Contact us for a new delivery or refund: {{links.trackingPage}}',
    },
    delayed: {
      subject: 'Your order {{order.number}} is delayed',
      heading: 'Your parcel is running late',
      intro:
        'Your order {{order.number}} is taking a little longer than expected, but it is still on its way with {{parcel.carrierName}}.',
      advice: `We are sorry for the wait. There is nothing you need to do: we will let you know when it is out for delivery. If you have any questions, contact us${SUPPORT}.`,
      sms: "{{store.name}}: your order {{order.number}} is delayed but still on its way. We're sorry for the wait. Track: {{links.trackingPage}}",
    },
  },
};
