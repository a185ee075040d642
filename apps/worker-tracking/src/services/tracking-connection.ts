import type { Platform } from '@shiplink/app-kit';
import type { ConnectionRecord } from '@shiplink/db';
import type { TrackingProvider } from '@shiplink/domain';

export interface TrackingConnection {
  connection: ConnectionRecord;
  provider: TrackingProvider;
}

/**
 * Who tracks a parcel of a store: the carrier's own feed where the store has one for that carrier
 * (Posti's parcels by Posti, whose callbacks come without any registration), otherwise the
 * store's tracking service (AfterShip), which tracks any carrier. Undefined: neither.
 */
export async function trackingConnectionFor(
  platform: Pick<Platform, 'repos' | 'ports'>,
  storeId: string,
  carrierSlug: string | null,
): Promise<TrackingConnection | undefined> {
  const { repos, ports } = platform;
  let service: TrackingConnection | undefined;
  for (const providerId of ports.providersFor('tracking')) {
    const connection = await repos.tenancy.findStoreConnection(storeId, providerId);
    if (!connection) continue;
    const provider = ports.tracking(connection);
    if (provider.carriers === 'any') service ??= { connection, provider };
    else if (carrierSlug && provider.carriers.includes(carrierSlug)) {
      return { connection, provider };
    }
  }
  return service;
}
