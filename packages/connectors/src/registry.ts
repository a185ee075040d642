import { afterShip } from './aftership/descriptor';
import { bigCommerce } from './bigcommerce/descriptor';
import { commercetools } from './commercetools/descriptor';
import { PermanentError } from '@shiplink/errors';
import { posti } from './posti/descriptor';
import type { ConnectorDescriptor, Role } from './descriptor';
import { shipHero } from './shiphero/descriptor';
import { shipStation } from './shipstation/descriptor';
import { twilio } from './twilio/descriptor';

/** Every provider the hub speaks to. Adding one is a folder with its descriptor and a line here. */
export const CONNECTORS = [
  bigCommerce,
  shipStation,
  afterShip,
  shipHero,
  commercetools,
  posti,
  twilio,
] as const;

export type Connector = (typeof CONNECTORS)[number];
export type ProviderId = Connector['id'];
export type ConnectorOf<P extends ProviderId> = Extract<Connector, { id: P }>;
/** A descriptor as code that treats every provider alike sees it. */
export type AnyConnector = ConnectorDescriptor<ProviderId>;

/** The provider ids in registry order, in the shape `z.enum` takes. */
export const PROVIDER_IDS = CONNECTORS.map((connector) => connector.id) as [
  ProviderId,
  ...ProviderId[],
];

const BY_ID = new Map<string, AnyConnector>(
  CONNECTORS.map((connector) => [connector.id, connector]),
);

export function isProviderId(value: string): value is ProviderId {
  return BY_ID.has(value);
}

/** The descriptor of a provider the type system already knows. */
export function connectorFor<P extends ProviderId>(provider: P): ConnectorOf<P> {
  const connector = BY_ID.get(provider);
  // Unreachable while ProviderId derives from CONNECTORS; a stored value from elsewhere is not.
  if (!connector) throw new Error(`no connector is registered for ${provider}`);
  return connector as ConnectorOf<P>;
}

/** The descriptor named by untrusted text (a URL segment), if there is one. */
export function findConnector(provider: string): AnyConnector | undefined {
  return BY_ID.get(provider);
}

/**
 * The descriptor of the provider a stored connection (or store) names. Stored ids are text the
 * registry checked when they were written; one no connector serves any more (a provider removed
 * from the registry) is a classified error, not a crash.
 */
export function connectorOfConnection(connection: { id: string; provider: string }): AnyConnector {
  const connector = BY_ID.get(connection.provider);
  if (!connector) {
    throw new PermanentError(
      `connection ${connection.id} names ${connection.provider}, which no connector serves`,
      { reason: 'connection.unknown_provider' },
    );
  }
  return connector;
}

/** The providers that can play `role`, in registry order. */
export function connectorsWithRole(role: Role): AnyConnector[] {
  return CONNECTORS.filter((connector) => (connector.roles as readonly Role[]).includes(role));
}
