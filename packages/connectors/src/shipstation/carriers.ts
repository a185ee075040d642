import { carrierFromCode, type CanonicalCarrier } from '@shiplink/domain';
import { SHIPSTATION_PROVIDER } from './profile';

/** The canonical carrier a ShipStation V1 `carrierCode` stands for (the domain's table). */
export function shipStationCarrier(
  carrierCode: string | null | undefined,
): CanonicalCarrier | undefined {
  return carrierFromCode(SHIPSTATION_PROVIDER, carrierCode);
}

/**
 * The courier slug for a ShipStation carrier code; `''` when the code is unknown or has no
 * honest single slug (a wrong carrier would send the customer to the wrong tracking page).
 */
export function carrierSlugForCode(carrierCode: string | null | undefined): string {
  return shipStationCarrier(carrierCode)?.slug ?? '';
}
