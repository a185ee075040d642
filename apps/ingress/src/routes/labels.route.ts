import { Router, type Response } from 'express';
import { idParam, textParam } from '../http/params';
import { route } from '../http/problems';
import { PrintLabelsSchema, printQuery, type LabelPrint } from '../services/label-views';
import type { LabelsService } from '../services/labels.service';
import type { BodyParser } from './reviews.route';

/** Headers are no place for a long list: the dry run lists every missing order. */
const MISSING_ORDERS_HEADER_MAX = 1_000;

/** A file name made of what every browser and shell takes as it is. */
const fileName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * The missing orders, each percent-encoded (an order number may hold commas or characters a
 * header cannot), as many whole ones as fit.
 */
function missingOrders(printed: LabelPrint): { value: string; cut: boolean } {
  let value = '';
  const orders = [...new Set(printed.missing.map((missing) => missing.orderNumber))];
  for (const orderNumber of orders) {
    const next = `${value ? `${value},` : ''}${encodeURIComponent(orderNumber)}`;
    if (next.length > MISSING_ORDERS_HEADER_MAX) return { value, cut: true };
    value = next;
  }
  return { value, cut: false };
}

/** Labels contain people's addresses: never kept by a cache on the way. */
function sendPdf(res: Response, pdf: Buffer, disposition: string): void {
  res.setHeader('content-type', 'application/pdf');
  res.setHeader('content-disposition', disposition);
  res.setHeader('cache-control', 'private, no-store');
  res.send(pdf);
}

/**
 * Posti consignments and their labels under the admin API (mounted behind its bearer token and
 * JSON parser): an order's consignments, one label, and many orders' labels as one PDF to print
 * (its headers say what it holds; the dry run says the same without making it).
 */
export function labelsApi(deps: { labels: LabelsService; body: BodyParser }): Router {
  const { labels, body } = deps;
  const router = Router();

  router.get(
    '/admin/api/stores/:storeId/orders/:orderNumber/carrier-shipments',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      res.json(await labels.list(storeId, textParam(req, 'orderNumber', 100)));
    }),
  );

  router.get(
    '/admin/api/carrier-shipments/:id/label',
    route(async (req, res) => {
      const { pdf, orderNumber } = await labels.label(idParam(req, 'id'));
      sendPdf(res, pdf, `inline; filename="label-${fileName(orderNumber)}.pdf"`);
    }),
  );

  router.post(
    '/admin/api/stores/:storeId/labels/print',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      const printed = await labels.print(printQuery(storeId, body(PrintLabelsSchema, req)));
      res.setHeader('x-shiplink-labels-included', String(printed.included.length));
      res.setHeader('x-shiplink-labels-missing', String(printed.missing.length));
      res.setHeader('x-shiplink-labels-limit', String(printed.limit));
      if (printed.missing.length > 0) {
        const { value, cut } = missingOrders(printed);
        res.setHeader('x-shiplink-labels-missing-orders', value);
        if (cut) res.setHeader('x-shiplink-labels-missing-orders-cut', 'true');
      }
      if (printed.nextSince) res.setHeader('x-shiplink-labels-next-since', printed.nextSince);
      const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
      sendPdf(res, printed.pdf, `attachment; filename="labels-${stamp}.pdf"`);
    }),
  );

  router.post(
    '/admin/api/stores/:storeId/labels/print/dry-run',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      res.json(await labels.printPlan(printQuery(storeId, body(PrintLabelsSchema, req))));
    }),
  );

  return router;
}
