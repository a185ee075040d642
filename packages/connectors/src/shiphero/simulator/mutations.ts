import { randomBytes } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from './context';
import { invalidInput, notFound } from './errors';
import {
  cancelOrder,
  checkCustomerAccount,
  createOrder,
  DEFAULT_SHOP_NAME,
  updateFulfillmentStatus,
  updateHolds,
  updateOrder,
} from './orders';
import { inventoryUpdatePayload, orderCanceledPayload, SHIPHERO_WEBHOOK_NAMES } from './payloads';
import { createProduct, updateProduct } from './products';
import type { OrderRecord } from './records';
import { envelope, type RootResolver } from './root-answer';
import { replaceOnHand, warehouseOf } from './stock';
import { orderView, productView, stockView, webhookView } from './views';

type Input = Record<string, unknown>;

const inputOf = (args: Record<string, unknown>): Input => args.data as Input;

function mutationAnswer(ctx: RequestContext, info: GraphQLResolveInfo, result: Input) {
  // What was read before the change is stale now.
  ctx.allocations.clear();
  const { analyze: _analyze, ...head } = envelope(ctx, info);
  return { ...head, ...result };
}

const orderAnswer = (ctx: RequestContext, info: GraphQLResolveInfo, order: OrderRecord) =>
  mutationAnswer(ctx, info, { order: orderView(ctx, order) });

function createWebhook(ctx: RequestContext, input: Input) {
  checkCustomerAccount(ctx.data, input.customer_account_id);
  const name = String(input.name);
  const shopName = typeof input.shop_name === 'string' ? input.shop_name : DEFAULT_SHOP_NAME;
  if (!(SHIPHERO_WEBHOOK_NAMES as readonly string[]).includes(name)) {
    throw invalidInput(`${name} is not a webhook type`);
  }
  const url = String(input.url);
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw invalidInput(`${url} is not a valid URL`);
  }
  if (ctx.data.webhooks.some((hook) => hook.name === name && hook.shop_name === shopName)) {
    throw invalidInput(`A ${name} webhook already exists for shop ${shopName}`);
  }
  const hook = {
    ...ctx.state.issue(ctx.data, 'Webhook'),
    account_id: ctx.data.account.id,
    name,
    url,
    shop_name: shopName,
    shared_signature_secret: randomBytes(24).toString('hex'),
  };
  ctx.data.webhooks.push(hook);
  return hook;
}

function deleteWebhook(ctx: RequestContext, input: Input): void {
  checkCustomerAccount(ctx.data, input.customer_account_id);
  const shopName = typeof input.shop_name === 'string' ? input.shop_name : DEFAULT_SHOP_NAME;
  const remaining = ctx.data.webhooks.filter(
    (hook) => !(hook.name === input.name && hook.shop_name === shopName),
  );
  if (remaining.length === ctx.data.webhooks.length) throw notFound('Webhook');
  ctx.data.webhooks = remaining;
}

/** The root Mutation fields; graphql-js runs them one after the other, in document order. */
export const mutationRoot: Record<string, RootResolver> = {
  order_create: (args, ctx, info) =>
    orderAnswer(ctx, info, createOrder(ctx.state, ctx.data, inputOf(args))),

  order_update: (args, ctx, info) =>
    orderAnswer(ctx, info, updateOrder(ctx.state, ctx.data, inputOf(args))),

  order_cancel: (args, ctx, info) => {
    const { order, changed } = cancelOrder(ctx.state, ctx.data, inputOf(args));
    if (changed) {
      ctx.webhooks.fire(ctx.data, 'Order Canceled', orderCanceledPayload(ctx.data, order), {
        shopName: order.shop_name,
      });
    }
    return orderAnswer(ctx, info, order);
  },

  order_update_holds: (args, ctx, info) =>
    orderAnswer(ctx, info, updateHolds(ctx.state, ctx.data, inputOf(args))),

  order_update_fulfillment_status: (args, ctx, info) =>
    orderAnswer(ctx, info, updateFulfillmentStatus(ctx.state, ctx.data, inputOf(args))),

  inventory_replace: (args, ctx, info) => {
    const input = inputOf(args);
    checkCustomerAccount(ctx.data, input.customer_account_id);
    const warehouse = warehouseOf(ctx.data, String(input.warehouse_id));
    const sku = String(input.sku);
    const change = replaceOnHand(ctx.state, ctx.data, warehouse, sku, Number(input.quantity));
    if (change.changed) {
      const payload = inventoryUpdatePayload(ctx.data, warehouse, [{ sku }]);
      ctx.webhooks.fire(ctx.data, 'Inventory Update', payload);
    }
    return mutationAnswer(ctx, info, { warehouse_product: stockView(ctx, change.row) });
  },

  product_create: (args, ctx, info) => {
    const product = createProduct(ctx.state, ctx.data, inputOf(args));
    return mutationAnswer(ctx, info, { product: productView(ctx, product) });
  },

  product_update: (args, ctx, info) => {
    const product = updateProduct(ctx.state, ctx.data, inputOf(args));
    return mutationAnswer(ctx, info, { product: productView(ctx, product) });
  },

  webhook_create: (args, ctx, info) =>
    mutationAnswer(ctx, info, { webhook: webhookView(createWebhook(ctx, inputOf(args)), true) }),

  webhook_delete: (args, ctx, info) => {
    deleteWebhook(ctx, inputOf(args));
    return mutationAnswer(ctx, info, {});
  },
};
