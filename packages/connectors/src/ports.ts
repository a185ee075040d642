import type {
  FulfilmentSystem,
  MessageChannel,
  PickupPointSource,
  ShipmentCarrier,
  StockSource,
  StorePlatform,
  TrackingProvider,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type { ConnectionLike, Role } from './descriptor';
import type { ProviderClients } from './factory';
import { CONNECTORS, connectorOfConnection, connectorsWithRole, type ProviderId } from './registry';
import { parseSettings } from './settings';

/** The part of a stored connection a port needs. */
export interface PortConnection extends ConnectionLike {
  provider: string;
  settings: unknown;
}

/** What each port is: one per role, and the stock a warehouse system owns. */
export interface RolePorts {
  store: StorePlatform;
  fulfilment: FulfilmentSystem;
  tracking: TrackingProvider;
  stock: StockSource;
  pickupPoints: PickupPointSource;
  shipments: ShipmentCarrier;
  messages: MessageChannel;
}
type PortName = keyof RolePorts;

/**
 * The role ports of stored connections, for services that must not know which provider plays
 * the role: the registry names the provider, its descriptor parses the settings and builds the
 * port over the connection's client.
 */
export interface Ports {
  store(connection: PortConnection): StorePlatform;
  fulfilment(connection: PortConnection): FulfilmentSystem;
  tracking(connection: PortConnection): TrackingProvider;
  /** The stock of a warehouse connection whose provider owns stock. */
  stock(connection: PortConnection): StockSource;
  /** The pickup points of a carrier connection whose provider has them. */
  pickupPoints(connection: PortConnection): PickupPointSource;
  /** The shipments and labels of a carrier connection whose provider makes them. */
  shipments(connection: PortConnection): ShipmentCarrier;
  /** The messages (SMS) of a messaging connection. */
  messages(connection: PortConnection): MessageChannel;
  /** Whether the connection's provider has this port (a fulfilment system that owns stock). */
  has(connection: PortConnection, port: PortName): boolean;
  /** The providers that play `role`, in registry order (for role-based connection look-ups). */
  providersFor(role: Exclude<Role, 'carrier' | 'messaging'>): ProviderId[];
  /** The providers whose descriptors have this port, in registry order. */
  providersWith(port: PortName): ProviderId[];
}

export function createPorts(clients: Pick<ProviderClients, 'for'>): Ports {
  function portOf<R extends PortName>(role: R, connection: PortConnection): RolePorts[R] {
    const connector = connectorOfConnection(connection);
    // A descriptor seen through the registry has lost its client's and settings' types; the
    // client built for it and its own settings schema's output are what its factory takes.
    const factory = connector.ports[role] as
      ((client: unknown, settings: unknown) => RolePorts[R]) | undefined;
    if (!factory) {
      throw new PermanentError(
        `connection ${connection.id} is a ${connection.provider} connection, which has no ${role} port`,
        { reason: 'connection.wrong_provider' },
      );
    }
    const settings = parseSettings(connector.settings, connection.settings, connection.id);
    const client = clients.for({ ...connection, provider: connector.id });
    return factory(client, settings);
  }
  return {
    store: (connection) => portOf('store', connection),
    fulfilment: (connection) => portOf('fulfilment', connection),
    tracking: (connection) => portOf('tracking', connection),
    stock: (connection) => portOf('stock', connection),
    pickupPoints: (connection) => portOf('pickupPoints', connection),
    shipments: (connection) => portOf('shipments', connection),
    messages: (connection) => portOf('messages', connection),
    has: (connection, port) => connectorOfConnection(connection).ports[port] !== undefined,
    providersWith: (port) =>
      CONNECTORS.filter((connector) => connector.ports[port] !== undefined).map(
        (connector) => connector.id,
      ),
    providersFor: (role) =>
      connectorsWithRole(role)
        .filter((connector) => connector.ports[role] !== undefined)
        .map((connector) => connector.id),
  };
}
