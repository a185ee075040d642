import { type PostcodeRules, type RateRuleSet, type RateZone } from './rule-set';

/**
 * Which zone a destination is in. A zone narrowed by postcodes wins over one that covers the
 * whole country, whatever their order, so Åland (FI 22xxx) needs no exception in mainland
 * Finland; among narrowed zones that both match, the first listed wins.
 */

/**
 * A postcode as zones compare it: capitals and digits only, without a country prefix
 * ("FI-00100", "AX-22 100", "SE 123 45", "fi00100").
 */
export function normalizePostcode(postcode: string, country: string): string {
  let code = postcode.trim().toUpperCase();
  if (/^[A-Z]{2}-/.test(code)) code = code.slice(3);
  code = code.replace(/[^A-Z0-9]/g, '');
  if (code.startsWith(country) && /^\d+$/.test(code.slice(country.length))) {
    code = code.slice(country.length);
  }
  return code;
}

export function matchesPostcode(rules: PostcodeRules, postcode: string): boolean {
  if (postcode === '') return false;
  return (
    rules.prefixes.some((prefix) => postcode.startsWith(prefix)) ||
    rules.ranges.some(
      (range) =>
        postcode.length === range.from.length && range.from <= postcode && postcode <= range.to,
    )
  );
}

/**
 * The zone for a country (ISO-2, any case) and postcode, at a storefront; undefined when none
 * covers it. A zone for the storefront wins over one for every storefront; within each, a zone
 * narrowed by postcode wins over a whole country, and then the first listed.
 */
export function selectZone(
  ruleSet: Pick<RateRuleSet, 'zones'>,
  destination: { country: string; postcode: string; channel?: string | undefined },
): RateZone | undefined {
  const country = destination.country.trim().toUpperCase();
  const postcode = normalizePostcode(destination.postcode, country);
  let best: { zone: RateZone; rank: number } | undefined;
  for (const zone of ruleSet.zones) {
    if (!zone.countries.includes(country)) continue;
    if (zone.channels && !(destination.channel && zone.channels.includes(destination.channel))) {
      continue;
    }
    if (zone.postcodes && !matchesPostcode(zone.postcodes, postcode)) continue;
    const rank = (zone.channels ? 2 : 0) + (zone.postcodes ? 1 : 0);
    if (!best || rank > best.rank) best = { zone, rank };
  }
  return best?.zone;
}
