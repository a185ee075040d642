import { Router, type Request } from 'express';
import type { WebhookSender } from '../../simulator-kit/webhook-sender';
import { parseShipStationDateTime } from '../dates';
import { accountOf, handle, notFound } from './http';
import { dateParam, inRange, intParam, pageOf, paging, param, sorted } from './query';
import { renderOrder } from './render';
import type { ShipStationState, SimOrder } from './state';
import { validateOrderInput, type AspNetError, type SimOrderInput } from './validation';
import { announcesOrder, notifyOrders } from './webhooks';

/**
 * `/orders` of the V1 API: createorder (upsert by orderKey; new SKUs become products; one
 * ORDER_NOTIFY per call that imports an order), list (also by `importBatch`, the id an order
 * webhook's resource_url carries), get, delete.
 */
export function ordersRouter(state: ShipStationState, sender: WebhookSender): Router {
  const router = Router();
  const epochOf = (value: string | null | undefined) =>
    value ? (parseShipStationDateTime(value, state.timeZone)?.getTime() ?? null) : null;

  router.post(
    '/orders/createorder',
    handle((req, res) => {
      const validated = validateOrderInput(req.body);
      if (!validated.ok) {
        res.status(400).json(validated.error);
        return;
      }
      const account = accountOf(res);
      const unknown = unknownReferences(state, account, validated.order);
      if (unknown) {
        res.status(400).json(unknown);
        return;
      }
      const result = state.upsertOrder(account, validated.order);
      if (result.kind === 'locked') {
        res.status(400).json({
          Message: `Order ${result.order.input.orderNumber} is ${result.order.status} and can no longer be updated.`,
        });
        return;
      }
      if (announcesOrder(result.before, result.order.status)) {
        notifyOrders(state, sender, 'ORDER_NOTIFY', [result.order]);
      }
      res.status(200).json(renderOrder(state, result.order));
    }),
  );

  router.get(
    '/orders',
    handle((req, res) => {
      const filters = orderFilters(req, state.timeZone);
      const account = accountOf(res);
      const batch = filters.importBatch ? state.importBatches.get(filters.importBatch) : undefined;
      const matching = state.liveOrders(account).filter((order) => {
        const input = order.input;
        if (filters.importBatch) {
          if (batch?.account !== account || !batch.orderIds.includes(order.orderId)) return false;
        }
        if (filters.orderNumber && !startsWith(input.orderNumber, filters.orderNumber))
          return false;
        if (filters.orderStatus && order.status !== filters.orderStatus) return false;
        if (filters.storeId !== undefined && input.advancedOptions?.storeId !== filters.storeId) {
          return false;
        }
        if (filters.customerName && !nameMatches(order, filters.customerName)) return false;
        if (filters.itemKeyword && !itemMatches(order, filters.itemKeyword)) return false;
        return (
          inRange(order.createdAt, ...filters.createDate) &&
          inRange(order.modifiedAt, ...filters.modifyDate) &&
          inRange(epochOf(input.orderDate), ...filters.orderDate) &&
          inRange(epochOf(input.paymentDate), ...filters.paymentDate)
        );
      });
      const ordered = sorted(
        req,
        matching,
        {
          OrderDate: (order) => epochOf(order.input.orderDate),
          ModifyDate: (order) => order.modifiedAt,
          CreateDate: (order) => order.createdAt,
        },
        (order) => order.orderId,
      );
      const page = pageOf(ordered, paging(req));
      res.json({
        orders: page.items.map((order) => renderOrder(state, order)),
        total: page.total,
        page: page.page,
        pages: page.pages,
      });
    }),
  );

  const find = (req: Request, account: string): SimOrder | undefined => {
    const id = /^\d+$/.test(String(req.params.orderId)) ? Number(req.params.orderId) : NaN;
    const order = state.orders.get(id);
    return order && !order.deleted && order.account === account ? order : undefined;
  };

  router.get(
    '/orders/:orderId',
    handle((req, res) => {
      const order = find(req, accountOf(res));
      if (!order) return notFound(res, `Order ${String(req.params.orderId)} was not found.`);
      res.json(renderOrder(state, order));
    }),
  );

  router.delete(
    '/orders/:orderId',
    handle((req, res) => {
      const order = find(req, accountOf(res));
      if (!order) return notFound(res, `Order ${String(req.params.orderId)} was not found.`);
      order.deleted = true;
      order.modifiedAt = state.now();
      res.json({ success: true, message: 'The requested order has been deleted.' });
    }),
  );

  return router;
}

function orderFilters(req: Request, timeZone: string) {
  const range = (name: string): [number | undefined, number | undefined] => [
    dateParam(req, `${name}Start`, timeZone),
    dateParam(req, `${name}End`, timeZone),
  ];
  return {
    orderNumber: param(req, 'orderNumber'),
    orderStatus: param(req, 'orderStatus'),
    storeId: intParam(req, 'storeId'),
    customerName: param(req, 'customerName'),
    itemKeyword: param(req, 'itemKeyword'),
    importBatch: param(req, 'importBatch')?.toLowerCase(),
    createDate: range('createDate'),
    modifyDate: range('modifyDate'),
    orderDate: range('orderDate'),
    paymentDate: range('paymentDate'),
  };
}

/** Tags and warehouses are the account's own; an id it does not have is a 400, as in ShipStation. */
function unknownReferences(
  state: ShipStationState,
  account: string,
  input: SimOrderInput,
): AspNetError | undefined {
  const modelState: Record<string, string[]> = {};
  (input.tagIds ?? []).forEach((tagId, index) => {
    if (!state.ownedOne(state.tags, tagId, account)) {
      modelState[`apiOrder.tagIds[${index}]`] = [`Tag ${tagId} was not found.`];
    }
  });
  const warehouseId = input.advancedOptions?.warehouseId ?? undefined;
  if (warehouseId !== undefined && !state.ownedOne(state.warehouses, warehouseId, account)) {
    modelState['apiOrder.advancedOptions.warehouseId'] = [
      `Warehouse ${warehouseId} was not found.`,
    ];
  }
  return Object.keys(modelState).length
    ? { Message: 'The request is invalid.', ModelState: modelState }
    : undefined;
}

const startsWith = (value: string, prefix: string) =>
  value.toLowerCase().startsWith(prefix.toLowerCase());

const contains = (value: string | null | undefined, part: string) =>
  !!value && value.toLowerCase().includes(part.toLowerCase());

function nameMatches(order: SimOrder, name: string): boolean {
  return contains(order.input.billTo.name, name) || contains(order.input.shipTo.name, name);
}

function itemMatches(order: SimOrder, keyword: string): boolean {
  return order.items.some(
    (item) => contains(item.input.sku, keyword) || contains(item.input.name, keyword),
  );
}
