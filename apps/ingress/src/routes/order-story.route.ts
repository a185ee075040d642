import { Router } from 'express';
import type { Repos } from '@shiplink/db';
import { scopeOf } from '../auth/principal';
import { idParam, textParam } from '../http/params';
import { HttpProblem, route } from '../http/problems';
import { OrderSearchQuerySchema, OrderStoryService } from '../services/order-story.service';

/**
 * Finding an order by what a customer tells support (its number or the start of it, their
 * e-mail, a tracking number), and the whole story of one order: events in, calls out, exports,
 * parcels and their timelines, messages sent, returns and refunds, in one chronological list.
 * Mount before `/admin/api/orders/:orderNumber`, which would take `search` for an order number.
 */
export function orderStoryApi(deps: { repos: Repos }): Router {
  const stories = new OrderStoryService(deps.repos);
  const router = Router();

  router.get(
    '/admin/api/orders/search',
    route(async (req, res) => {
      const query = OrderSearchQuerySchema.safeParse(req.query);
      if (!query.success) {
        throw new HttpProblem(
          400,
          'invalid_query',
          'give q (1–200 characters), and optionally storeId and limit (1–50)',
          query.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`),
        );
      }
      res.json(await stories.search(scopeOf(res), query.data));
    }),
  );

  router.get(
    '/admin/api/stores/:storeId/orders/:orderNumber/story',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      const orderNumber = textParam(req, 'orderNumber', 100);
      res.json(await stories.story(scopeOf(res), storeId, orderNumber));
    }),
  );

  return router;
}
