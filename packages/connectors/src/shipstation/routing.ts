import type { RoutingDecision } from '@shiplink/domain';
import type { ShipStationClient } from './client';
import { toShipStationDate } from './dates';

/** What a routing decision comes to in ShipStation's own ids, and what of it could not be. */
export interface ShipStationRouting {
  tagIds: number[];
  warehouseId?: number;
  storeId?: number;
  requestedService?: string;
  /** `YYYY-MM-DD` in the account's time: the order goes on hold until then. */
  holdUntilDate?: string;
  unapplied: string[];
}

/** Tags, warehouses and stores change rarely; they are read at most this often per account. */
const DIRECTORY_TTL_MS = 5 * 60_000;

interface Directory {
  /** Tag ids by lower-case name, warehouse ids, store ids: each read once per TTL. */
  lists: Map<'tags' | 'warehouses' | 'stores', Promise<unknown>>;
  until: number;
}
const directories = new WeakMap<ShipStationClient, Directory>();

function directoryOf(client: ShipStationClient, now: number): Directory {
  const known = directories.get(client);
  if (known && known.until > now) return known;
  const fresh: Directory = { lists: new Map(), until: now + DIRECTORY_TTL_MS };
  directories.set(client, fresh);
  return fresh;
}

/** A failed read is not remembered: the next export asks again. */
function remembered<T>(
  directory: Directory,
  key: 'tags' | 'warehouses' | 'stores',
  load: () => Promise<T>,
): Promise<T> {
  const existing = directory.lists.get(key) as Promise<T> | undefined;
  if (existing) return existing;
  const loading = load().catch((error: unknown) => {
    directory.lists.delete(key);
    throw error;
  });
  directory.lists.set(key, loading);
  return loading;
}

/**
 * The store's routing decision in ShipStation terms: tag names become the account's tag ids, and
 * a warehouse or store the account does not have is reported, not sent (ShipStation would refuse
 * the whole order). A hold whose day has come is no hold.
 */
export async function shipStationRouting(
  client: ShipStationClient,
  decision: RoutingDecision,
  now = new Date(),
): Promise<ShipStationRouting> {
  const directory = directoryOf(client, now.getTime());
  const routing: ShipStationRouting = { tagIds: [], unapplied: [] };
  if (decision.tags.length) {
    const tags = await remembered(
      directory,
      'tags',
      async () =>
        new Map((await client.listTags()).map((tag) => [tag.name.trim().toLowerCase(), tag.tagId])),
    );
    for (const name of decision.tags) {
      const id = tags.get(name.trim().toLowerCase());
      if (id === undefined) routing.unapplied.push(`tag "${name}" does not exist in ShipStation`);
      else if (!routing.tagIds.includes(id)) routing.tagIds.push(id);
    }
  }
  if (decision.warehouse !== undefined) {
    const warehouses = await remembered(
      directory,
      'warehouses',
      async () => new Set((await client.listWarehouses()).map((w) => w.warehouseId)),
    );
    const id = Number(decision.warehouse);
    if (warehouses.has(id)) routing.warehouseId = id;
    else routing.unapplied.push(`warehouse ${decision.warehouse} does not exist in ShipStation`);
  }
  if (decision.fulfilmentStore !== undefined) {
    const stores = await remembered(
      directory,
      'stores',
      async () => new Set((await client.listStores()).map((s) => s.storeId)),
    );
    const id = Number(decision.fulfilmentStore);
    if (stores.has(id)) routing.storeId = id;
    else routing.unapplied.push(`store ${decision.fulfilmentStore} does not exist in ShipStation`);
  }
  if (decision.requestedService !== undefined) routing.requestedService = decision.requestedService;
  if (decision.holdUntil !== undefined && decision.holdUntil > toShipStationDate(now)) {
    routing.holdUntilDate = decision.holdUntil;
  }
  return routing;
}
