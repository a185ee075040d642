/*
 * Generators for the webhook fuzz suite. A case knows which answers a correct ingress may give
 * it, and builds its request only when it is sent, so that signatures carry a fresh timestamp
 * however long the burst before it took.
 */

export { fuzzAfterShip } from './aftership';
export { fuzzBigCommerce } from './bigcommerce';
export { fuzzShipStation } from './shipstation';
export type { FuzzCase, FuzzContext, RouteFuzz, RouteName } from './types';
