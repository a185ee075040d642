import { shipStationFulfilmentSystem, shipStationOrderStatus } from './ports';
import type { ShipStationClient } from './client';

describe('shipStationOrderStatus', () => {
  it.each([
    ['awaiting_payment', 'open'],
    ['awaiting_shipment', 'open'],
    ['on_hold', 'on_hold'],
    ['shipped', 'shipped'],
    ['cancelled', 'cancelled'],
    ['a_status_added_later', 'open'],
  ])('%s → %s', (raw, status) => {
    expect(shipStationOrderStatus(raw)).toBe(status);
  });
});

describe('intentFor', () => {
  const system = shipStationFulfilmentSystem({} as ShipStationClient, { customFields: [] });
  it.each([
    ['incomplete', 'skip'],
    ['awaiting_payment', 'export'],
    ['awaiting_fulfilment', 'export'],
    ['on_hold', 'export'],
    ['partially_shipped', 'skip'],
    ['shipped', 'skip'],
    ['completed', 'skip'],
    ['cancelled', 'cancel'],
    ['refunded', 'cancel'],
    ['archived', 'cancel'],
  ] as const)('%s → %s', (status, intent) => {
    expect(system.intentFor(status)).toBe(intent);
  });
});
