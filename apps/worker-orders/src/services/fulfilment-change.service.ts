import type { Platform } from '@shiplink/app-kit';
import { openDeltaWindow, type ConnectionRecord, type OrderRecord } from '@shiplink/db';
import {
  exceptionsOf,
  resolvedExceptions,
  type FulfilmentOrderState,
  type RoutingDecision,
} from '@shiplink/domain';
import { withLogContext } from '@shiplink/logger';
import { ChangeShowing } from './change-showing';

const CURSOR = 'fulfilment-orders.modified';
/** Two minutes before the cursor; a new connection's first poll looks back a day. */
const BOUNDS = { overlapMs: 2 * 60_000, firstLookbackMs: 24 * 3600_000 };

/**
 * Fulfilment orders changed at the fulfilment system on their own (cancelled, put on hold, sent
 * back to awaiting payment, rejected by a partner, or late): the status is recorded, so that
 * later store changes are not pushed onto a settled order, each exception is opened once, and the
 * store order and the customer hear of it once (see `ChangeShowing`). A change the hub made
 * itself comes back with the status it recorded, and is nothing new.
 */
export class FulfilmentChangeService {
  private readonly showing: ChangeShowing;

  constructor(private readonly platform: Platform) {
    this.showing = new ChangeShowing(platform);
  }

  /** A webhook named one fulfilment order by the system's id. */
  async sync(input: { connectionId: string; fulfilmentOrderRef: string }): Promise<void> {
    const { ports, logger } = this.platform;
    const connection = await this.connection(input.connectionId);
    const state = await ports.fulfilment(connection).orderState(input.fulfilmentOrderRef);
    if (!state) {
      logger.warn('fulfilment order no longer exists', { ref: input.fulfilmentOrderRef });
      return;
    }
    await this.apply(connection, state);
  }

  /** A webhook pointed at a batch of changed orders. */
  async fetch({ connectionId, batchRef }: { connectionId: string; batchRef: string }) {
    const { ports, logger } = this.platform;
    const connection = await this.connection(connectionId);
    const system = ports.fulfilment(connection);
    const states = system.ordersIn ? await system.ordersIn(batchRef) : [];
    for (const state of states) await this.apply(connection, state);
    logger.info('fulfilment order batch read', { count: states.length });
  }

  /** Orders changed since the cursor. */
  async poll({ connectionId }: { connectionId: string }) {
    const { repos, ports, logger } = this.platform;
    const connection = await this.connection(connectionId);
    const system = ports.fulfilment(connection);
    if (!system.ordersChangedSince) return;
    const started = new Date();
    const window = await openDeltaWindow(repos.cursors, connectionId, CURSOR, BOUNDS);
    const { since } = window;
    const states = await system.ordersChangedSince(since);
    for (const state of states) await this.apply(connection, state);
    // The list has no change stamps of its own: the next poll starts from this one's start.
    window.see(started.toISOString());
    await window.close();
    // Lateness changes nothing at the warehouse, so no change lists it: the recorded ship-by
    // times say which open orders are late now.
    const overdue = await repos.orders.overdueFulfilmentOrders(connectionId, started);
    for (const record of overdue) {
      if (!record.externalId || !record.status || system.statusOf(record.status) !== 'open')
        continue;
      await this.apply(connection, {
        externalId: record.externalId,
        status: 'open',
        rawStatus: record.status,
        shipBy: record.shipBy?.toISOString() ?? null,
      });
    }
    logger.info('fulfilment orders polled', {
      found: states.length,
      overdue: overdue.length,
      since: since.toISOString(),
    });
  }

  private connection(connectionId: string): Promise<ConnectionRecord> {
    const { repos, ports } = this.platform;
    return repos.tenancy.requireConnection(connectionId, ports.providersFor('fulfilment'));
  }

  private async apply(connection: ConnectionRecord, state: FulfilmentOrderState): Promise<void> {
    const { repos, logger } = this.platform;
    const record = await repos.orders.findFulfilmentOrderByExternalId(
      connection.id,
      state.externalId,
    );
    const order = record && (await repos.orders.find(record.orderId));
    if (!record || !order) {
      logger.debug('fulfilment order was not exported by the hub', {
        externalId: state.externalId,
      });
      return;
    }
    // One change of one fulfilment order at a time: a webhook and a poll seeing the same change
    // must not both show it.
    await withLogContext({ orderRef: order.orderNumber }, () =>
      repos.locks.withLock(`fulfilment-change:${record.id}`, () =>
        this.applyLocked(order, record.id, state),
      ),
    );
  }

  private async applyLocked(order: OrderRecord, recordId: string, state: FulfilmentOrderState) {
    const { repos } = this.platform;
    // Read again under the lock: the other one may have recorded the change already.
    const record = await repos.orders.findFulfilmentOrderById(recordId);
    if (!record) return;
    const changed = state.rawStatus !== record.status;
    const now = new Date();
    const kinds = exceptionsOf(state, record.status, now).filter(
      // A hold the store's routing rules asked for is no exception.
      (kind) => !(kind === 'on_hold' && routedHold(record.routing, state)),
    );
    const open = await repos.exceptions.open(record.id);
    const resolved = open.filter((row) =>
      resolvedExceptions([row.kind], kinds, state).includes(row.kind),
    );
    const opened: { id: string; kind: (typeof kinds)[number] }[] = [];
    for (const kind of kinds) {
      if (open.some((row) => row.kind === kind)) continue;
      const id = await repos.exceptions.openOnce({
        orderId: order.id,
        fulfilmentOrderId: record.id,
        kind,
        rawStatus: state.rawStatus,
        detail: kind === 'delayed' ? (state.shipBy ?? null) : (state.exception?.detail ?? null),
      });
      if (id) opened.push({ id, kind });
    }
    const shipByMoved =
      state.shipBy !== undefined &&
      (state.shipBy ?? null) !== (record.shipBy?.toISOString() ?? null);
    if (changed || shipByMoved) {
      await repos.orders.recordExport({
        orderId: record.orderId,
        connectionId: record.connectionId,
        externalAddressId: record.externalAddressId,
        orderKey: record.orderKey,
        externalId: state.externalId,
        status: state.rawStatus,
        ...(state.shipBy === undefined ? {} : { shipBy: state.shipBy }),
      });
    }
    // Opened before but not shown (a crash in between) are shown now.
    const unshown = (await repos.exceptions.unshown(record.id)).filter(
      (row) => !opened.some((o) => o.id === row.id),
    );
    const toShow = [...opened, ...unshown.map((row) => ({ id: row.id, kind: row.kind }))];
    if (!changed && toShow.length === 0 && resolved.length === 0) return;
    await this.showing.show({
      order,
      record,
      state,
      changed,
      opened: toShow,
      resolved,
    });
    await repos.exceptions.resolve(resolved.map((row) => row.id));
  }
}

/** Whether the hold is the one the routing rules asked for at export (the same day). */
function routedHold(routing: unknown, state: FulfilmentOrderState): boolean {
  const holdUntil = (routing as Partial<RoutingDecision> | null)?.holdUntil;
  return typeof holdUntil === 'string' && (state.exception?.detail ?? '').includes(holdUntil);
}
