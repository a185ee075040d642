import type { TrackingStatus } from '@shiplink/domain';
import type { Db } from '../client';
import { isUniqueViolation } from '../unique';
import { refreshDeliverySummary } from './delivery-summary.sql';
import {
  LIVE_REGISTRATIONS,
  toTrackingRecord,
  UNKNOWN_CARRIER_KEY,
  type TrackingClaim,
  type TrackingProgress,
  type TrackingRecord,
} from './tracking-records';

/**
 * Trackings, their checkpoints and status moves. Callers serialise work on one tracking with an
 * advisory lock (`tracking:<id>`); the unique constraints are the second guard: one tracking per
 * (order, carrier, number), one checkpoint per identity, one anomaly per (kind, event), one move
 * per event.
 */
export class TrackingsRepo {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<TrackingRecord | undefined> {
    const row = await this.db.tracking.findUnique({ where: { id } });
    return row ? toTrackingRecord(row) : undefined;
  }

  /**
   * Every live tracking of the shipment, most recently changed first. More than one only after a
   * replacement was cut short, which the next registration finishes.
   */
  async allLiveForShipment(shipmentId: string): Promise<TrackingRecord[]> {
    const rows = await this.db.tracking.findMany({
      where: { shipmentId, registration: { in: [...LIVE_REGISTRATIONS] } },
      orderBy: [{ updatedAt: 'desc' }, { createdAt: 'desc' }],
    });
    return rows.map(toTrackingRecord);
  }

  /** The row for (order, carrier, number), if any, whatever its state. */
  async findByKey(orderId: string, slug: string | null, trackingNumber: string) {
    const row = await this.db.tracking.findUnique({
      where: {
        orderId_carrierKey_trackingNumber: {
          orderId,
          carrierKey: slug ?? UNKNOWN_CARRIER_KEY,
          trackingNumber,
        },
      },
    });
    return row ? toTrackingRecord(row) : undefined;
  }

  /**
   * Creates the row for (order, carrier, number), or takes an earlier one over (a number that
   * was replaced and came back). The unique key makes racing claims land on one row.
   */
  async claim(input: TrackingClaim): Promise<TrackingRecord> {
    const { slug, ...fields } = input;
    const carrierKey = slug ?? UNKNOWN_CARRIER_KEY;
    const state = {
      shipmentId: input.shipmentId,
      carrierStatus: input.carrierStatus,
      carrierCandidates: input.carrierCandidates,
      registration: input.registration,
      registrationNote: input.registrationNote,
      connectionId: input.connectionId,
      replacedById: null,
    };
    const upsert = () =>
      this.db.tracking.upsert({
        where: {
          orderId_carrierKey_trackingNumber: {
            orderId: input.orderId,
            carrierKey,
            trackingNumber: input.trackingNumber,
          },
        },
        create: { ...fields, slug, carrierKey },
        update: state,
      });
    // Where the upsert is not one atomic statement, the loser of a race updates on a second try.
    const row = await upsert().catch((error: unknown) => {
      if (isUniqueViolation(error)) return upsert();
      throw error;
    });
    return toTrackingRecord(row);
  }

  async markRegistered(id: string, trackingRef: string): Promise<void> {
    await this.db.tracking.update({
      where: { id },
      data: { afterShipId: trackingRef, registration: 'registered', registrationNote: null },
    });
  }

  async markUnregistered(id: string, state: 'needs_review' | 'failed', note: string) {
    await this.db.tracking.update({
      where: { id },
      data: { registration: state, registrationNote: note },
    });
  }

  /** Retires a tracking: replaced by a successor, or removed with its shipment's number. */
  async retire(id: string, replacedById: string | null, note: string): Promise<void> {
    await this.db.tracking.update({
      where: { id },
      data: {
        registration: replacedById ? 'replaced' : 'removed',
        replacedById,
        registrationNote: note,
      },
    });
  }

  /**
   * The tracking an AfterShip event is about, within one store: by AfterShip's id, else by
   * courier and number (an event can overtake the registration that records the id).
   */
  async findForEvent(
    storeId: string,
    ref: { trackingRef: string; slug: string; trackingNumber: string },
  ): Promise<TrackingRecord | undefined> {
    const row =
      (await this.db.tracking.findFirst({
        where: { storeId, afterShipId: ref.trackingRef },
        orderBy: { createdAt: 'desc' },
      })) ??
      (await this.db.tracking.findFirst({
        where: {
          storeId,
          slug: ref.slug,
          trackingNumber: ref.trackingNumber,
          registration: { in: [...LIVE_REGISTRATIONS] },
        },
        orderBy: { createdAt: 'desc' },
      }));
    return row ? toTrackingRecord(row) : undefined;
  }

  /** Every stored checkpoint's identity, status and instant: what the state machine needs. */
  async storedEvents(trackingId: string) {
    return this.db.trackingCheckpoint.findMany({
      where: { trackingId },
      select: {
        identity: true,
        status: true,
        subStatus: true,
        reason: true,
        actionRequired: true,
        occurredAtUtc: true,
        mappingVersion: true,
      },
      orderBy: { occurredAtUtc: 'asc' },
    });
  }

  /**
   * Checkpoints, anomalies and the status moves of one batch, all or nothing: the history of
   * moves never disagrees with the current status.
   */
  async saveProgress(trackingId: string, progress: TrackingProgress): Promise<void> {
    await this.db.$transaction(async (tx) => {
      if (progress.checkpoints.length > 0) {
        await tx.trackingCheckpoint.createMany({
          data: progress.checkpoints.map(({ identity, event, raw }) => ({
            trackingId,
            identity,
            ...event,
            occurredAtUtc: new Date(event.occurredAtUtc),
            location: event.location,
            raw: raw as object,
          })),
          skipDuplicates: true,
        });
      }
      if (progress.anomalies.length > 0) {
        await tx.trackingAnomaly.createMany({
          data: progress.anomalies.map((anomaly) => ({
            trackingId,
            ...anomaly,
            raw: anomaly.raw as object,
          })),
          skipDuplicates: true,
        });
      }
      const transitions = progress.transitions ?? [];
      if (transitions.length > 0) {
        await tx.trackingTransition.createMany({
          data: transitions.map(({ occurredAt, ...transition }) => ({
            trackingId,
            ...transition,
            occurredAtUtc: occurredAt,
          })),
          skipDuplicates: true,
        });
      }
      const current = progress.current;
      await tx.tracking.update({
        where: { id: trackingId },
        data: {
          lastEventAt: progress.seenAt,
          ...(progress.polled ? { lastPolledAt: progress.seenAt } : {}),
          ...(progress.estimatedDelivery === undefined
            ? {}
            : { estimatedDelivery: progress.estimatedDelivery }),
          ...(progress.trackingUrl === undefined ? {} : { trackingUrl: progress.trackingUrl }),
          ...(current
            ? {
                status: current.status,
                subStatus: current.subStatus,
                reason: current.reason,
                actionRequired: current.actionRequired,
                statusOccurredAt: current.occurredAt,
                mappingVersion: current.mappingVersion,
              }
            : {}),
        },
      });
      if (transitions.length > 0 || progress.estimatedDelivery) {
        await refreshDeliverySummary(tx, trackingId);
      }
    });
  }

  async markPolled(id: string, at: Date): Promise<void> {
    await this.db.tracking.update({ where: { id }, data: { lastPolledAt: at } });
  }

  /**
   * Registered trackings of a store, not in a final status, that neither moved nor were polled
   * since `before`: the delta poll re-reads them so that a lost webhook cannot strand a parcel.
   */
  async findStale(input: {
    storeId: string;
    /** The tracking connection polling. */
    connectionId: string;
    /** Also trackings recorded with no connection (before connections were kept): a tracking service's. */
    unassigned: boolean;
    before: Date;
    finalStatuses: readonly TrackingStatus[];
    limit: number;
  }): Promise<TrackingRecord[]> {
    const quiet = (field: 'lastEventAt' | 'lastPolledAt') => ({
      OR: [{ [field]: null }, { [field]: { lt: input.before } }],
    });
    const rows = await this.db.tracking.findMany({
      where: {
        storeId: input.storeId,
        OR: [
          { connectionId: input.connectionId },
          ...(input.unassigned ? [{ connectionId: null }] : []),
        ],
        registration: 'registered',
        status: { notIn: [...input.finalStatuses] },
        createdAt: { lt: input.before },
        AND: [quiet('lastEventAt'), quiet('lastPolledAt')],
      },
      orderBy: [{ lastPolledAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
      take: input.limit,
    });
    return rows.map(toTrackingRecord);
  }
}
