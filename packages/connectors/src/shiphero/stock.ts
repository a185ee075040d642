import type { StockSource } from '@shiplink/domain';
import type { ShipHeroClient } from './client';
import { stockLocationOf, type ShipHeroSettings } from './settings';

/** ShipHero's balances per SKU and warehouse, with the time ShipHero last changed each. */
export function shipHeroStock(client: ShipHeroClient, settings: ShipHeroSettings): StockSource {
  return {
    ownsStoreStock: settings.stock.owner === 'shiphero',
    locationOf: (warehouseRef) => stockLocationOf(settings, warehouseRef),
    stockOf: () =>
      Promise.reject(new Error(`${client.constructor.name}: stock reads are not built yet`)),
    stockChangedSince: () => Promise.reject(new Error('stock reads are not built yet')),
  };
}
