import { createHash } from 'node:crypto';
import type { CanonicalOrder, Destination, PageLanguage } from '@shiplink/domain';

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

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;.]{2,}$/;

/** Where an e-mail about this destination goes: its address's, else the customer's, else billing's. */
export function emailOf(
  order: CanonicalOrder,
  destination: Destination | undefined,
): string | null {
  const candidates = [destination?.shipTo.email, order.customer.email, order.billTo.email];
  const found = candidates.map((e) => e?.trim()).find((e) => e && e.length <= 254 && EMAIL.test(e));
  return found ? found.toLowerCase() : null;
}

/** Opt-outs are matched by this, not by the address itself. */
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
