import { isPickupProduct } from './posti';
import type { RateRuleSet } from './rule-set';
import { LOCALES } from './service';
import { selectZone } from './zones';

/** The service of a rule set an order shipped with, as its shipment is to be made. */
export interface ChosenService {
  code: string;
  /** The Posti product (`shipping_method_code`). */
  product: string;
  /** The customer picked a pickup point for it (or should have). */
  pickupPoint: boolean;
  /** The pickup point the quote's code carried (`posti-pickup:<id>`), where the method is a code. */
  pickupPointId: string | null;
}

const fold = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase('en');

/**
 * The service an order's shipping method names. The store keeps either the quote's code
 * (`posti-pickup`, or `posti-pickup:<point id>` for one pickup point) or its display name in
 * any of the rule set's languages, followed, for pickup quotes, by the point (`Noutopiste –
 * K-Market Kamppi (0.4 km)`). Codes are matched exactly; names as the start of the method, the
 * longest name winning, so "Express plus" is not taken for "Express". Codes are unique only
 * within a zone, so the services looked at are those of the destination's zone (every zone's
 * when none covers it). Undefined: no service.
 */
export function serviceForShippingMethod(
  ruleSet: RateRuleSet,
  shippingMethod: string | null | undefined,
  destination?: { country: string; postcode: string; channel?: string },
): ChosenService | undefined {
  const method = fold(shippingMethod ?? '');
  if (!method) return undefined;
  const zone = destination ? selectZone(ruleSet, destination) : undefined;
  const services = zone ? zone.services : ruleSet.zones.flatMap((z) => z.services);
  const chosen = (service: (typeof services)[number], pickupPointId: string | null) => ({
    code: service.code,
    product: service.product,
    pickupPoint: service.kind === 'pickup' || isPickupProduct(service.product) === true,
    pickupPointId,
  });
  const [code, ...point] = method.split(':');
  const byCode = services.find((service) => fold(service.code) === code);
  if (byCode) {
    const pointId = (shippingMethod ?? '').trim().split(':').slice(1).join(':').trim();
    return chosen(byCode, point.length > 0 && pointId ? pointId : null);
  }
  let best: { service: (typeof services)[number]; length: number } | undefined;
  for (const service of services) {
    for (const locale of LOCALES) {
      const name = service.names[locale];
      if (!name) continue;
      const folded = fold(name);
      const boundary =
        method.length === folded.length || /[\s–—\-(,:]/.test(method[folded.length] ?? '');
      if (method.startsWith(folded) && boundary && folded.length > (best?.length ?? 0)) {
        best = { service, length: folded.length };
      }
    }
  }
  return best ? chosen(best.service, null) : undefined;
}
