import type { TrackingStatus } from '@shiplink/domain';
import type { LookupProblem } from '../model';

/** The steps of the progress bar, in order. */
export const PROGRESS_STEPS = [
  'ordered',
  'shipped',
  'onItsWay',
  'outForDelivery',
  'delivered',
] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

/**
 * Statuses that come with a sentence of explanation: the ones where the customer may wonder what
 * happens next, or has to act.
 */
export const NOTED_STATUSES = [
  'delayed',
  'on_hold',
  'available_for_pickup',
  'attempt_failed',
  'exception',
  'return_to_sender',
  'returned',
  'failed',
  'cancelled',
  'expired',
  'tracking_error',
] as const satisfies readonly TrackingStatus[];
export type NotedStatus = (typeof NOTED_STATUSES)[number];

export type ErrorKind = 'not_found' | 'gone' | 'rate_limited';

/** Every string the page shows, per language; the type makes each dictionary complete. */
export interface Messages {
  /** The language's name in itself, for the language switcher. */
  languageName: string;
  languageNav: string;
  skipToContent: string;
  /** Prefixed to the document title when the page reports a problem. */
  errorTitlePrefix: string;

  orderHeading: (orderNumber: string) => string;
  parcelOnlyHeading: string;
  parcelHeading: (index: number, total: number) => string;
  noParcelsYet: string;
  carrier: string;
  trackingNumber: string;
  estimatedDelivery: string;
  carrierPageLink: (carrierName: string) => string;
  status: Record<TrackingStatus, string>;
  statusNote: Record<NotedStatus, string>;
  progressLabel: string;
  progressStep: Record<ProgressStep, string>;
  progressPosition: (step: number, total: number) => string;
  stepDone: string;
  itemsInParcel: string;
  history: string;
  noEvents: string;
  stillBeingPrepared: string;
  stillBeingPreparedIntro: string;
  lookUpAnother: string;

  lookupHeading: string;
  lookupIntro: string;
  orderFormHeading: string;
  orderNumberLabel: string;
  orderNumberHint: string;
  contactLabel: string;
  contactHint: string;
  findOrder: string;
  trackingFormHeading: string;
  trackingNumberHint: string;
  trackParcel: string;
  problemHeading: string;
  problem: Record<LookupProblem, string>;

  error: Record<ErrorKind, { heading: string; body: string }>;
  /** The unsubscribe link of tracking e-mails: a confirmation, then the answer. */
  unsubscribe: {
    heading: string;
    body: string;
    button: string;
    doneHeading: string;
    doneBody: string;
  };
  lookUpOrder: string;

  supportHeading: string;
  supportIntro: (storeName: string) => string;
  supportEmail: string;
  supportPhone: string;
  supportWebsite: string;
}
