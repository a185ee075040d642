import type { Platform } from '@shiplink/app-kit';
import type { ConnectionRecord } from '@shiplink/db';
import type { TrackingProvider } from '@shiplink/domain';

export interface TrackingConnection {
  connection: ConnectionRecord;
  provider: TrackingProvider;
}

/**
 * Who tracks a parcel of a store: the carrier's own feed for the parcels the store made through
 * that carrier's connection (Posti's consignments, whose callbacks they asked for), otherwise the
 * store's tracking service (AfterShip), which tracks any carrier, including that carrier's
 * parcels a warehouse sent under its own contract. Undefined: neither.
 */
export async function trackingConnectionFor(
  platform: Pick<Platform, 'repos' | 'ports'>,
  storeId: string,
  parcel: { carrierSlug: string | null; source: string | null },
): Promise<TrackingConnection | undefined> {
  const { repos, ports } = platform;
  let service: TrackingConnection | undefined;
  for (const providerId of ports.providersFor('tracking')) {
    const connection = await repos.tenancy.findStoreConnection(storeId, providerId);
    if (!connection) continue;
    const provider = ports.tracking(connection);
    if (provider.carriers === 'any') service ??= { connection, provider };
    else if (
      parcel.source === connection.provider &&
      parcel.carrierSlug &&
      provider.carriers.includes(parcel.carrierSlug)
    ) {
      return { connection, provider };
    }
  }
  return service;
}
