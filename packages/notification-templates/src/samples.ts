import type { OrderNotificationFacts, PageLanguage, TrackingStatus } from '@shiplink/domain';
import { messageFacts, NO_FACTS } from './money';
import {
  isOrderNotificationTrigger,
  type NotificationContext,
  type NotificationTrigger,
  type OrderNotificationTrigger,
  type ParcelContext,
  type ParcelNotificationContext,
  type ParcelNotificationTrigger,
} from './model';

/**
 * Realistic data for the preview endpoint, validation's trial render and the tests: a Finnish
 * outdoor store shipping with Posti, one parcel of two items, and an event to match each parcel
 * trigger; for each order trigger, the order without a parcel and what its news says.
 */

type Sample = {
  status: TrackingStatus;
  estimatedDelivery: string | null;
  lastEvent: ParcelContext['lastEvent'];
};

const SAMPLES: Readonly<Record<ParcelNotificationTrigger, Sample>> = {
  shipped: {
    status: 'in_transit',
    estimatedDelivery: '2025-03-22',
    lastEvent: {
      message: 'Shipment handed over to Posti',
      location: 'Vantaa, FI',
      occurredAt: '2025-03-18T16:40:00+02:00',
    },
  },
  out_for_delivery: {
    status: 'out_for_delivery',
    estimatedDelivery: '2025-03-20T18:00:00+02:00',
    lastEvent: {
      message: 'Out for delivery',
      location: 'Helsinki, FI',
      occurredAt: '2025-03-20T07:55:00+02:00',
    },
  },
  available_for_pickup: {
    status: 'available_for_pickup',
    estimatedDelivery: null,
    lastEvent: {
      message: 'Ready for pickup at K-Market Kamppi',
      location: 'Helsinki, FI',
      occurredAt: '2025-03-20T11:20:00+02:00',
    },
  },
  delivered: {
    status: 'delivered',
    estimatedDelivery: null,
    lastEvent: {
      message: 'Delivered to the recipient',
      location: 'Helsinki, FI',
      occurredAt: '2025-03-20T13:12:00+02:00',
    },
  },
  exception: {
    status: 'exception',
    estimatedDelivery: '2025-03-24',
    lastEvent: {
      message: 'Package damaged in sorting, repacked',
      location: 'Vantaa, FI',
      occurredAt: '2025-03-19T22:05:00+02:00',
    },
  },
  attempt_failed: {
    status: 'attempt_failed',
    estimatedDelivery: '2025-03-21',
    lastEvent: {
      message: 'Recipient not at home, notice left',
      location: 'Helsinki, FI',
      occurredAt: '2025-03-20T14:30:00+02:00',
    },
  },
  returned: {
    status: 'returned',
    estimatedDelivery: null,
    lastEvent: {
      message: 'Returned to sender',
      location: 'Vantaa, FI',
      occurredAt: '2025-04-05T09:45:00+03:00',
    },
  },
  delayed: {
    status: 'delayed',
    estimatedDelivery: '2025-03-25',
    lastEvent: {
      message: 'Delayed due to weather conditions',
      location: 'Oulu, FI',
      occurredAt: '2025-03-19T18:10:00+02:00',
    },
  },
};

/** What each order trigger's news says: a refund's amount, a return's items. */
const ORDER_SAMPLES: Readonly<Record<OrderNotificationTrigger, OrderNotificationFacts>> = {
  order_on_hold: {},
  order_payment_pending: {},
  order_rejected: {},
  order_delayed: {},
  return_received: { items: 2 },
  refund_issued: { amount: '49.90', currency: 'EUR' },
};

const CUSTOMERS: Readonly<Record<PageLanguage, string>> = {
  en: 'Emma',
  fi: 'Aino',
  sv: 'Elsa',
  de: 'Lena',
};

export const SAMPLE_STORE: NotificationContext['store'] = {
  name: 'Nordic Trail',
  logoUrl: 'https://cdn.nordictrail.example/logo.png',
  primaryColor: '#1f3a5f',
  accentColor: '#0b5cad',
  supportEmail: 'help@nordictrail.example',
  supportPhone: '+358 40 123 4567',
  supportUrl: 'https://nordictrail.example/help',
};

export function sampleContext(
  trigger: ParcelNotificationTrigger,
  language: PageLanguage,
  store?: Partial<NotificationContext['store']>,
): ParcelNotificationContext;
export function sampleContext(
  trigger: NotificationTrigger,
  language: PageLanguage,
  store?: Partial<NotificationContext['store']>,
): NotificationContext;
export function sampleContext(
  trigger: NotificationTrigger,
  language: PageLanguage,
  store: Partial<NotificationContext['store']> = {},
): NotificationContext {
  const order = isOrderNotificationTrigger(trigger);
  return {
    language,
    trigger,
    store: { ...SAMPLE_STORE, ...store },
    customer: { name: CUSTOMERS[language] },
    order: { number: '1234' },
    parcel: order ? null : sampleParcel(trigger),
    facts: order ? messageFacts(ORDER_SAMPLES[trigger], language, 'EUR') : { ...NO_FACTS },
    links: {
      trackingPage: `https://track.nordictrail.example/t/k3Vq8ZpL2xRw9TnB?lang=${language}`,
      unsubscribe: 'https://track.nordictrail.example/u/Yh7Qm2Lx9PwK4sDf',
    },
  };
}

function sampleParcel(trigger: ParcelNotificationTrigger): ParcelContext {
  const sample = SAMPLES[trigger];
  return {
    carrierName: 'Posti',
    trackingNumber: 'JJFI64355710000012345',
    trackingUrl: 'https://www.posti.fi/fi/seuranta#/lahetys/JJFI64355710000012345',
    status: sample.status,
    estimatedDelivery: sample.estimatedDelivery,
    lastEvent: { ...sample.lastEvent },
    items: [
      { name: 'Merino wool hiking socks', quantity: 2 },
      { name: 'Trail running cap', quantity: 1 },
    ],
  };
}
