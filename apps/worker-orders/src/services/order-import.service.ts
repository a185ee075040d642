import type { Platform } from '@shiplink/app-kit';
import { parseStoreSettings } from '@shiplink/connectors';
import type { FulfilmentOrderRecord } from '@shiplink/db';
import {
  fulfilmentOrderKey,
  type CanonicalOrder,
  type Destination,
  type FulfilmentOrderState,
  type FulfilmentSystem,
  type RoutingDecision,
} from '@shiplink/domain';
import { withLogContext } from '@shiplink/logger';
import { CarrierShipmentService } from './carrier-shipment.service';
import { ExportRouting } from './export-routing';
import { exportPlan, isOwnEcho } from './export-status';
import { SkuGate } from './sku-gate.service';

/**
 * Order out: read the store order, keep the canonical copy, make the carrier shipments of a
 * store that dispatches itself, and upsert one fulfilment order per destination under a stable
 * orderKey — so replays and duplicate events update, never duplicate.
 */
export class OrderImportService {
  private readonly gate: SkuGate;
  private readonly carrier: CarrierShipmentService;
  private readonly routing: ExportRouting;

  constructor(private readonly platform: Platform) {
    this.gate = new SkuGate(platform);
    this.carrier = new CarrierShipmentService(platform);
    this.routing = new ExportRouting(platform.repos);
  }

  async importOrder(input: { connectionId: string; orderRef: string }): Promise<void> {
    // A store fires several events per change (created, updated, statusUpdated); their imports
    // are serialised per order so that each one sees what the previous one exported.
    await withLogContext({ orderRef: input.orderRef }, () =>
      this.platform.repos.locks.withLock(
        `order-import:${input.connectionId}:${input.orderRef}`,
        () => this.run(input),
      ),
    );
  }

  private async run({ connectionId, orderRef }: { connectionId: string; orderRef: string }) {
    const { repos, ports, logger } = this.platform;
    const store = await repos.tenancy.requireConnection(connectionId, ports.providersFor('store'));
    const canonical = await ports.store(store).readOrder(orderRef);
    if (!canonical) {
      logger.warn('store order no longer exists', { orderRef });
      return;
    }
    const order = await repos.orders.upsert(store.storeId, canonical);
    await this.carrier.ship({ order, canonical, storeRef: store.store.externalRef });

    const fulfilmentProviders = ports.providersFor('fulfilment');
    const found = await repos.tenancy.findStoreConnectionAmong(store.storeId, fulfilmentProviders);
    if (!found) {
      // A store that only tracks its parcels (commercetools ⇄ AfterShip) exports nowhere: the
      // canonical copy is what its shipments and trackings hang on.
      logger.info('order kept: the store exports to no fulfilment system', {
        status: canonical.status,
      });
      return;
    }
    const fulfilment = found;
    const system = ports.fulfilment(fulfilment);
    const settings = parseStoreSettings(store.store.settings, store.storeId);
    const plan = exportPlan(system, settings, canonical);
    const { intent } = plan;
    if (intent === 'skip') {
      logger.info('order not exported in this status', { status: canonical.status });
      return;
    }
    const gated = { orderId: order.id, canonical, fulfilment, system };
    // Only an export is gated on SKUs: a cancellation must always reach the warehouse.
    const admission = intent === 'export' ? await this.gate.admit(gated) : undefined;
    if (intent === 'export' && !admission) return;
    const outgoing = admission?.order ?? canonical;
    const rules = intent === 'export' ? await this.routing.rulesFor(store.storeId) : undefined;
    for (const destination of canonical.destinations) {
      const orderKey = fulfilmentOrderKey(
        store.store.externalRef,
        canonical.externalId,
        destination.addressExternalId,
        canonical.destinations.length,
      );
      const record = order.fulfilmentOrders.find(
        (f) =>
          f.connectionId === fulfilment.id && f.externalAddressId === destination.addressExternalId,
      );
      // Settled for good (shipped, cancelled), or refused by a fulfilment partner until a person
      // sends it on: store changes stop there.
      const settled = (state: FulfilmentOrderState['status'], rawStatus: string) => {
        // Cancelling an order the warehouse cancelled already is what was asked for.
        if (!(intent === 'cancel' && state === 'cancelled')) {
          logger.warn('store change not applied: fulfilment order is settled', {
            orderKey,
            status: rawStatus,
            intent,
            storeStatus: canonical.status,
          });
        }
      };
      const remember = (saved: FulfilmentOrderState, routing?: RoutingDecision) =>
        repos.orders.recordExport({
          orderId: order.id,
          connectionId: fulfilment.id,
          externalAddressId: destination.addressExternalId,
          orderKey,
          externalId: saved.externalId,
          status: saved.rawStatus,
          ...(routing ? { routing: { ...routing, unapplied: saved.unapplied ?? [] } } : {}),
          ...(saved.shipBy === undefined ? {} : { shipBy: saved.shipBy }),
        });
      const recorded = record?.status ? system.statusOf(record.status) : undefined;
      if (
        record?.status &&
        (recorded === 'shipped' || recorded === 'cancelled' || recorded === 'rejected')
      ) {
        settled(recorded, record.status);
        continue;
      }
      if (isOwnEcho(record, canonical)) {
        logger.info('store status is the one the warehouse change set: not sent back', {
          orderKey,
          storeStatusId: canonical.storeStatusId,
          status: record?.status,
        });
        continue;
      }
      if (intent === 'cancel') {
        const live = await this.toCancel(system, canonical, destination, record, orderKey);
        if (!live) {
          logger.info('nothing to cancel in fulfilment', {
            orderKey,
            status: canonical.status,
            exported: Boolean(record?.externalId),
          });
          continue;
        }
        if (live.status === 'shipped' || live.status === 'cancelled') {
          await remember(live);
          settled(live.status, live.rawStatus);
          continue;
        }
      }
      const routing = this.routing.decide(rules, outgoing, destination);
      const saved = await system.upsertOrder(
        outgoing,
        destination,
        { orderKey },
        { ...(routing ? { routing } : {}), ...(plan.status ? { status: plan.status } : {}) },
      );
      if (!saved) continue;
      await remember(saved, routing);
      // The merchant moved the order on from the status the hub showed: theirs from here on.
      if (record?.storeStatusShown != null) {
        await repos.orders.markStoreStatusShown(record.id, null);
      }
      if (saved.unapplied?.length) {
        logger.warn('routing not applied in full', { orderKey, unapplied: saved.unapplied });
      }
      logger.info('order exported', {
        orderKey,
        fulfilmentOrderId: saved.externalId,
        status: saved.rawStatus,
        ...(routing ? { routingRules: routing.applied.map((rule) => rule.id) } : {}),
      });
    }
    if (intent === 'cancel') await this.gate.cancelled(gated);
    else await admission?.exported();
  }

  /**
   * The fulfilment order a cancellation (cancelled, refunded or archived in the store) applies
   * to, as the fulfilment system holds it now. Cancelling only ever updates: an order the
   * warehouse never saw is not created just to be cancelled, and one it shipped before its
   * notification reached us must be left alone.
   */
  private toCancel(
    system: FulfilmentSystem,
    order: CanonicalOrder,
    destination: Destination,
    record: FulfilmentOrderRecord | undefined,
    orderKey: string,
  ): Promise<FulfilmentOrderState | undefined> {
    return system.findOrder(order, destination, {
      orderKey,
      ...(record?.externalId ? { externalId: record.externalId } : {}),
    });
  }
}
