import type { StoreSettings } from '@shiplink/connectors';
import type { CanonicalOrder, FulfilmentSystem } from '@shiplink/domain';

/** What an import does with the fulfilment order: export it (with a status word), cancel, or leave it. */
export interface ExportPlan {
  intent: 'export' | 'cancel' | 'skip';
  /** The fulfilment system's own status word, when the store's status table names one. */
  status?: string;
}

/**
 * The store's status table, store → fulfilment: a store status the merchant mapped exports with
 * the word they chose (null: not exported in that status); every other status goes as the
 * connector's defaults say. An archived order is cancelled whatever its status id still says.
 */
export function exportPlan(
  system: FulfilmentSystem,
  settings: StoreSettings,
  order: CanonicalOrder,
): ExportPlan {
  const table = settings.fulfilment.exportStatuses;
  const key = String(order.storeStatusId);
  if (order.status === 'archived' || !Object.hasOwn(table, key)) {
    return { intent: system.intentFor(order.status) };
  }
  const word = table[key];
  if (word === null || word === undefined) return { intent: 'skip' };
  const status = system.statusOf(word);
  if (status === 'cancelled') return { intent: 'cancel' };
  if (status === 'shipped') return { intent: 'skip' };
  return { intent: 'export', status: word };
}

/**
 * Whether the store's status is the one the hub set itself because of a change at the
 * fulfilment system: sending it back would undo what the warehouse did (and come back again).
 */
export const isOwnEcho = (
  record: { storeStatusShown: number | null } | undefined,
  order: CanonicalOrder,
): boolean =>
  record?.storeStatusShown !== null &&
  record?.storeStatusShown !== undefined &&
  record.storeStatusShown === order.storeStatusId;
