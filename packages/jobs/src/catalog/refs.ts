import { z } from 'zod';

/** One of the hub's own ids (orders, shipments, connections). */
export const uuid = z.uuid();

/**
 * A provider's own id of something, opaque to the hub: a BigCommerce order number, a
 * commercetools UUID, a ShipHero id, a Posti tracking code. Bounded, and printable, because it
 * becomes part of job ids and log lines.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const PRINTABLE = /^[^\u0000-\u001f\u007f]+$/;
export const externalRef = z.string().min(1).max(200).regex(PRINTABLE);

/** What caused a job (an inbox event, a poll's change stamp): part of its id. */
export const trigger = z.string().min(1).max(100);
