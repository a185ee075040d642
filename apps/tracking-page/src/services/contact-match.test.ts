import type { CanonicalOrder } from '@shiplink/domain';
import { contactMatches } from './contact-match';

const address = (postalCode: string, email: string | null) => ({ postalCode, email });

describe('contactMatches', () => {
  const email = 'aino.virtanen@example.fi';
  const postcode = '00100';
  // The parts of a canonical order the match reads.
  const order = {
    customer: { email },
    billTo: address('33100', null),
    destinations: [{ shipTo: address(postcode, 'gift@example.fi') }],
  } as unknown as CanonicalOrder;

  it.each([
    ['the customer’s e-mail in any case, with spaces', ` ${email.toUpperCase()} `, true],
    ['a ship-to postcode with a space in it', `${postcode.slice(0, 2)} ${postcode.slice(2)}`, true],
    ['the ship-to address’s own e-mail', 'gift@example.fi', true],
    ['the billing postcode', '33100', true],
    ['another e-mail', 'someone@example.com', false],
    ['another postcode', '99999', false],
    ['nothing', '', false],
    ['a fragment of the e-mail', email.slice(0, 5), false],
  ])('%s', (_what, typed, expected) => {
    expect(contactMatches(order, typed)).toBe(expected);
  });
});
