import type { RequestContext } from './context';
import { invalidInput, notFound } from './errors';
import { filterOrders, filterShipments, filterStock } from './filters';
import { uuidOf, type ShipHeroEntity } from './ids';
import { checkCustomerAccount, findOrder } from './orders';
import { connection, type ConnectionArgs } from './pagination';
import type { ShipmentRecord } from './records';
import { answer, type RootResolver } from './root-answer';
import { accountView, orderView, productView, shipmentView, stockView, webhookView } from './views';

function findShipment(ctx: RequestContext, id: unknown): ShipmentRecord {
  if (typeof id !== 'string') throw invalidInput('id is required');
  const shipment = ctx.state.owns(ctx.data, id) ? ctx.data.shipments.get(id) : undefined;
  if (!shipment) throw notFound('Shipment');
  return shipment;
}

function findProduct(ctx: RequestContext, args: Record<string, unknown>) {
  const { id, sku } = args;
  if (typeof id !== 'string' && typeof sku !== 'string')
    throw invalidInput('id or sku is required');
  const product =
    typeof sku === 'string'
      ? ctx.data.products.get(sku)
      : [...ctx.data.products.values()].find((candidate) => candidate.id === id);
  if (!product || (typeof id === 'string' && product.id !== id)) throw notFound('Product');
  return product;
}

/** The root Query fields, as graphql-js's default resolver calls them on the root value. */
export const queryRoot: Record<string, RootResolver> = {
  account: (_args, ctx, info) => answer(ctx, info, () => accountView(ctx)),

  uuid: (args, ctx, info) =>
    answer(ctx, info, () => {
      const legacyId = Number(args.legacy_id);
      const id = uuidOf(String(args.entity) as ShipHeroEntity, legacyId);
      if (!ctx.state.owns(ctx.data, id)) throw notFound(`${String(args.entity)} ${legacyId}`);
      return { legacy_id: legacyId, id };
    }),

  order: (args, ctx, info) =>
    answer(ctx, info, () => orderView(ctx, findOrder(ctx.state, ctx.data, args.id))),

  orders: (args, ctx, info) =>
    answer(ctx, info, () => {
      const orders = filterOrders(ctx, args).map((order) => orderView(ctx, order));
      return (page: ConnectionArgs) => connection(orders, page);
    }),

  product: (args, ctx, info) => answer(ctx, info, () => productView(ctx, findProduct(ctx, args))),

  warehouse_products: (args, ctx, info) =>
    answer(ctx, info, () => {
      const rows = filterStock(ctx, args).map((row) => stockView(ctx, row));
      return (page: ConnectionArgs) => connection(rows, page);
    }),

  shipment: (args, ctx, info) =>
    answer(ctx, info, () => shipmentView(ctx, findShipment(ctx, args.id))),

  shipments: (args, ctx, info) =>
    answer(ctx, info, () => {
      const shipments = filterShipments(ctx, args).map((shipment) => shipmentView(ctx, shipment));
      return (page: ConnectionArgs) => connection(shipments, page);
    }),

  webhooks: (args, ctx, info) =>
    answer(ctx, info, () => {
      checkCustomerAccount(ctx.data, args.customer_account_id);
      const hooks = ctx.data.webhooks.map((hook) => webhookView(hook, false));
      return (page: ConnectionArgs) => connection(hooks, page);
    }),
};
