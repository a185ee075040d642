import { createHash } from 'node:crypto';
import { normaliseEmail, normalisePhone } from '../contact';
import type { CanonicalOrder, Destination } from '../order';
import type { PageLanguage } from '../tracking-page/settings';
import type { NotificationChannel } from './rules';

/** The language a country's customers most likely read (the store's default otherwise). */
const LANGUAGES: Readonly<Record<string, PageLanguage>> = {
  FI: 'fi',
  AX: 'sv',
  SE: 'sv',
  DE: 'de',
  AT: 'de',
  CH: 'de',
  LI: 'de',
};

export function languageFor(country: string | null, storeDefault: PageLanguage): PageLanguage {
  return (country && LANGUAGES[country.toUpperCase()]) || storeDefault;
}

/** The destination a shipment goes to: that of its first item's line (the order's first else). */
export function destinationOf(
  order: CanonicalOrder,
  lineRefs: readonly string[],
): Destination | undefined {
  const line = order.lines.find((l) => lineRefs.includes(l.externalId));
  return (
    order.destinations.find((d) => d.addressExternalId === line?.addressExternalId) ??
    order.destinations[0]
  );
}

/** Where an e-mail about this destination goes: its address's, else the customer's, else billing's. */
export function emailOf(
  order: CanonicalOrder,
  destination: Destination | undefined,
): string | null {
  const candidates = [destination?.shipTo.email, order.customer.email, order.billTo.email];
  const found = candidates.map((e) => normaliseEmail(e)).find((e) => e !== undefined);
  return found ? found.toLowerCase() : null;
}

/**
 * Where a text message about this destination goes, in E.164: the recipient's phone, else the
 * billing phone, each read by its own address's country. Null when neither is a phone number.
 */
export function phoneOf(
  order: CanonicalOrder,
  destination: Destination | undefined,
): string | null {
  const candidates = [destination?.shipTo, order.billTo];
  for (const address of candidates) {
    const phone = address?.country ? normalisePhone(address.country, address.phone) : undefined;
    if (phone) return phone;
  }
  return null;
}

/** The address a channel's message about this destination goes to, if there is one. */
export function recipientOf(
  channel: NotificationChannel,
  order: CanonicalOrder,
  destination: Destination | undefined,
): string | null {
  return channel === 'email' ? emailOf(order, destination) : phoneOf(order, destination);
}

/** Opt-outs are matched by this, not by the address itself (an e-mail address or E.164). */
export const recipientHash = (address: string) =>
  createHash('sha256').update(address.trim().toLowerCase(), 'utf8').digest('hex');

/** `aino.virtanen@example.fi` → `a***@example.fi`; `+358401234567` → `+358******567`. */
export function masked(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  return address.length > 7
    ? `${address.slice(0, 4)}${'*'.repeat(address.length - 7)}${address.slice(-3)}`
    : '***';
}
