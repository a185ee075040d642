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
    orderNumber: 'Order number',
    refundAmount: 'Amount refunded',
    returnedItems: 'Items received',
  },
  track: 'Track your parcel',
  viewOrder: 'View your order',
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
    order_on_hold: {
      subject: 'Your order {{order.number}} is on hold',
      heading: 'Your order is on hold',
      intro:
        "We're sorry: your order {{order.number}} has been put on hold and hasn't left us yet.",
      advice: `There is nothing you need to do right now. We will be in touch if we need anything from you, and we will ship your order as soon as we can. If you have any questions, contact us${SUPPORT}.`,
      sms: "{{store.name}}: sorry, your order {{order.number}} is on hold. We'll be in touch soon. Details: {{links.trackingPage}}",
    },
    order_payment_pending: {
      subject: 'Your order {{order.number}} is waiting for payment',
      heading: 'Your order is waiting for payment',
      intro:
        "We haven't been able to send your order {{order.number}} yet, because we haven't received its payment.",
      advice: `Please complete your payment, or contact us${SUPPORT} if you have already paid or need a hand. We will ship your order as soon as the payment has come through.`,
      sms: '{{store.name}}: your order {{order.number}} is waiting for payment. Please complete it or contact us: {{links.trackingPage}}',
    },
    order_rejected: {
      subject: 'An update on the delivery of your order {{order.number}}',
      heading: "We're arranging another way to ship your order",
      intro: 'Unfortunately your order {{order.number}} could not be sent the way we had planned.',
      advice: `We're sorry for the trouble. We are arranging another way to ship it and will contact you soon. If you have any questions in the meantime, contact us${SUPPORT}.`,
      sms: "{{store.name}}: sorry, order {{order.number}} can't ship as planned. We'll find another way and contact you: {{links.trackingPage}}",
    },
    order_delayed: {
      subject: 'Your order {{order.number}} will ship later than expected',
      heading: 'Your order is running late',
      intro: 'Your order {{order.number}} is taking longer than expected to leave us.',
      advice: `We're sorry for the wait. We will ship it as soon as possible and let you know when it is on its way. If you have any questions, contact us${SUPPORT}.`,
      sms: "{{store.name}}: sorry, your order {{order.number}} is delayed. We'll ship it as soon as we can. Details: {{links.trackingPage}}",
    },
    return_received: {
      subject: 'We have received your return for order {{order.number}}',
      heading: 'Your return has arrived',
      intro: 'Thank you! Your return for order {{order.number}} has arrived back with us.',
      advice: `We will now check the items and let you know as soon as your refund has been issued. If you have any questions, contact us${SUPPORT}.`,
      sms: "{{store.name}}: your return for order {{order.number}}{{#if facts.items}} ({{facts.items}} {{#if (eq facts.items 1)}}item{{else}}items{{/if}}){{/if}} has arrived. We'll update you on the refund: {{links.trackingPage}}",
    },
    refund_issued: {
      subject: 'Your refund for order {{order.number}} is on its way',
      heading: 'We have issued your refund',
      intro:
        '{{#if facts.amount}}We have refunded {{facts.amount}} for your order {{order.number}}.{{else}}We have issued a refund for your order {{order.number}}.{{/if}}',
      advice: `Depending on your bank or payment provider, it can take a few business days before the money shows in your account. If you have any questions, contact us${SUPPORT}.`,
      sms: '{{store.name}}: we have refunded {{#if facts.amount}}{{facts.amount}} for {{/if}}your order {{order.number}}. It may take a few days to show: {{links.trackingPage}}',
    },
  },
};
