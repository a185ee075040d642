import { timingSafeEqual, createHash } from 'node:crypto';
import type { CanonicalOrder } from '@shiplink/domain';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

const normalEmail = (text: string) => text.trim().toLowerCase();
/** Postcodes compared without spaces, dashes or case (`00100`, `SE-114 55`, `sw1a 1aa`). */
const normalPostcode = (text: string) => text.toUpperCase().replace(/[\s-]+/g, '');

/**
 * Whether what the customer typed is the order's e-mail (the customer's, billing or any ship-to
 * address's) or one of its postcodes. Compared in constant time per candidate, so how long the
 * answer takes says nothing about how close a guess was.
 */
export function contactMatches(order: CanonicalOrder, typed: string): boolean {
  const text = typed.trim();
  if (text.length < 3 || text.length > 254) return false;
  const addresses = [order.billTo, ...order.destinations.map((d) => d.shipTo)];
  const candidates = text.includes('@')
    ? [order.customer.email, ...addresses.map((a) => a.email)].flatMap((email) =>
        email ? [normalEmail(email)] : [],
      )
    : addresses.flatMap((a) => (a.postalCode ? [normalPostcode(a.postalCode)] : []));
  const given = digest(text.includes('@') ? normalEmail(text) : normalPostcode(text));
  let matched = false;
  for (const candidate of candidates) {
    if (timingSafeEqual(digest(candidate), given)) matched = true;
  }
  return matched;
}
