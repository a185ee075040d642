import type { Platform } from '@shiplink/app-kit';
import { parseStoreSettings, storeStatusForFulfilment } from '@shiplink/connectors';
import type { FulfilmentExceptionRecord, FulfilmentOrderRecord, OrderRecord } from '@shiplink/db';
import {
  EXCEPTION_TRIGGERS,
  storeOrderWriteLock,
  withNoteLines,
  type FulfilmentExceptionKind,
  type FulfilmentOrderState,
} from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { currentLogContext } from '@shiplink/logger';

export interface ChangeToShow {
  order: OrderRecord;
  record: FulfilmentOrderRecord;
  state: FulfilmentOrderState;
  /** The status differs from the one recorded. */
  changed: boolean;
  /** Exceptions opened and not shown yet. */
  opened: { id: string; kind: FulfilmentExceptionKind }[];
  /** Open exceptions that have ended. */
  resolved: FulfilmentExceptionRecord[];
}

const PREFIX = '[Shiplink]';

function lines(change: ChangeToShow): string[] {
  const { record, state } = change;
  const key = record.orderKey;
  const noted: string[] = [];
  const detail = state.exception?.detail ? `: ${state.exception.detail}` : '';
  if (change.changed) {
    noted.push(
      `${PREFIX} The warehouse reports fulfilment order ${key} as ${state.rawStatus}${detail}.`,
    );
  }
  if (change.opened.some((o) => o.kind === 'delayed')) {
    noted.push(`${PREFIX} Fulfilment order ${key} is late: it was due to ship by ${state.shipBy}.`);
  }
  for (const row of change.resolved) {
    noted.push(`${PREFIX} Fulfilment order ${key} is no longer ${row.kind.replace('_', ' ')}.`);
  }
  return noted;
}

/**
 * A fulfilment change on the store order and to the customer: one staff-note line per change
 * (never twice), the store status from the store's status table (a release gives back the status
 * the hub took away, if the store still shows the hub's), and one customer message per exception.
 */
export class ChangeShowing {
  constructor(private readonly platform: Platform) {}

  async show(change: ChangeToShow): Promise<void> {
    const { repos, ports, logger } = this.platform;
    const { order, record, state } = change;
    const storeConnection = await repos.tenancy.requireStoreConnectionAmong(
      order.storeId,
      ports.providersFor('store'),
    );
    const settings = parseStoreSettings(storeConnection.store.settings, order.storeId);
    const store = ports.store(storeConnection);
    await repos.locks.withLock(storeOrderWriteLock(order.id), async () => {
      const current = await store.readOrderState(order.externalId);
      if (!current) {
        logger.warn('store order no longer exists');
        return;
      }
      const released =
        change.resolved.length > 0 &&
        state.status === 'open' &&
        record.storeStatusShown !== null &&
        current.storeStatusId === record.storeStatusShown;
      const target = released
        ? (settings.fulfilment.releasedStatusId ?? null)
        : change.changed
          ? storeStatusForFulfilment(settings, state)
          : undefined;
      const missing = lines(change).filter((line) => !current.staffNotes.includes(line));
      const patch = {
        ...(missing.length ? { staffNotes: withNoteLines(current.staffNotes, missing) } : {}),
        ...(typeof target === 'number' && target !== current.storeStatusId
          ? { storeStatusId: target }
          : {}),
      };
      if (Object.keys(patch).length > 0) await store.updateOrder(order.externalId, patch);
      if (patch.storeStatusId !== undefined) {
        await repos.orders.markStoreStatusShown(record.id, released ? null : patch.storeStatusId);
      }
      logger.info('fulfilment order change shown on the store order', {
        orderKey: record.orderKey,
        status: state.rawStatus,
        storeStatusId: patch.storeStatusId,
        opened: change.opened.map((o) => o.kind),
        resolved: change.resolved.map((r) => r.kind),
      });
    });
    for (const exception of change.opened) {
      await this.platform.producer.enqueue(
        jobs.orderNotify,
        {
          orderId: order.id,
          trigger: EXCEPTION_TRIGGERS[exception.kind],
          subjectRef: exception.id,
          facts: {},
        },
        { correlationId: currentLogContext().correlationId ?? `exception-${exception.id}` },
      );
      await repos.exceptions.shown(exception.id);
    }
  }
}
