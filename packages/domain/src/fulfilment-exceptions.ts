import type { FulfilmentOrderState } from './ports/fulfilment-system';

/**
 * What can go wrong with an order at the warehouse, in the hub's words: put on hold, waiting
 * for payment again, refused by a fulfilment partner, or not shipped by the day it should have.
 */
export const FULFILMENT_EXCEPTION_KINDS = [
  'on_hold',
  'awaiting_payment',
  'rejected',
  'delayed',
] as const;
export type FulfilmentExceptionKind = (typeof FULFILMENT_EXCEPTION_KINDS)[number];

/** The customer message each exception asks for (the notifications' order triggers). */
export const EXCEPTION_TRIGGERS = {
  on_hold: 'order_on_hold',
  awaiting_payment: 'order_payment_pending',
  rejected: 'order_rejected',
  delayed: 'order_delayed',
} as const satisfies Record<FulfilmentExceptionKind, string>;

/**
 * The exceptions a fulfilment order is in now. A status exception (hold, payment, rejection)
 * counts only when the warehouse moved the order there itself: the status differs from the one
 * the hub last recorded, which is what the hub exported (so an order the store sent on hold, or
 * a hold the routing rules asked for, is none). A delay is an open order past its ship-by time.
 */
export function exceptionsOf(
  state: FulfilmentOrderState,
  recordedStatus: string | null,
  now: Date,
): FulfilmentExceptionKind[] {
  const kinds: FulfilmentExceptionKind[] = [];
  const movedThere = state.exception !== undefined && state.rawStatus !== recordedStatus;
  if (movedThere) kinds.push(state.exception!.kind);
  const open = state.status === 'open';
  const shipBy = state.shipBy ? Date.parse(state.shipBy) : Number.NaN;
  if (open && Number.isFinite(shipBy) && shipBy < now.getTime()) kinds.push('delayed');
  return kinds;
}

/** Exceptions that have ended: the order left the status, or was shipped or cancelled. */
export function resolvedExceptions(
  open: readonly FulfilmentExceptionKind[],
  current: readonly FulfilmentExceptionKind[],
  state: FulfilmentOrderState,
): FulfilmentExceptionKind[] {
  return open.filter((kind) => {
    if (state.status === 'shipped' || state.status === 'cancelled') return true;
    if (kind === 'delayed') return !current.includes('delayed');
    // A status exception lasts while the order keeps that status, whoever moved it there.
    return state.exception?.kind !== kind;
  });
}
