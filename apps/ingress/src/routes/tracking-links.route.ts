import { Router } from 'express';
import type { Repos } from '@shiplink/db';
import { idParam, textParam } from '../http/params';
import { HttpProblem, route } from '../http/problems';

/**
 * The customer tracking page links of orders, for support (send a customer their link) and for
 * revoking one that was shared too widely: the next message about the order carries a new one.
 */
export function trackingLinksApi(deps: { repos: Repos; trackingPageUrl: string | undefined }) {
  const { repos } = deps;
  const router = Router();
  const orderOf = async (storeId: string, orderNumber: string) => {
    const order = await repos.trackingPages.orderByNumber(storeId, orderNumber);
    if (!order) throw new HttpProblem(404, 'unknown_order', 'the store has no such order');
    return order;
  };

  router.post(
    '/admin/api/stores/:storeId/orders/:orderNumber/tracking-link',
    route(async (req, res) => {
      if (!deps.trackingPageUrl) {
        throw new HttpProblem(
          409,
          'no_tracking_page',
          'TRACKING_PAGE_URL is not set: the hub does not know where its tracking page is served',
        );
      }
      const order = await orderOf(idParam(req, 'storeId'), textParam(req, 'orderNumber', 100));
      const token = await repos.trackingPages.linkFor(order.id, null);
      res.status(201).json({ url: `${deps.trackingPageUrl.replace(/\/+$/, '')}/t/${token}` });
    }),
  );

  router.delete(
    '/admin/api/stores/:storeId/orders/:orderNumber/tracking-link',
    route(async (req, res) => {
      const order = await orderOf(idParam(req, 'storeId'), textParam(req, 'orderNumber', 100));
      const revoked = await repos.trackingPages.revoke(order.id);
      await repos.audit.write({
        direction: 'internal',
        kind: 'admin.tracking_link_revoked',
        orderRef: order.orderNumber,
        metadata: { storeId: order.storeId, revoked },
      });
      res.status(revoked ? 204 : 404).end();
    }),
  );
  return router;
}
