import { Router } from 'express';
import { idParam } from '../http/params';
import { HttpProblem, route } from '../http/problems';
import {
  ApproveRefundSchema,
  DeclineRefundSchema,
  RefundStateSchema,
  type ReturnsService,
} from '../services/returns.service';
import type { BodyParser } from './reviews.route';

/**
 * Returns under the admin API (behind its bearer token and JSON parser): a store's returns (by
 * refund state), one return, and the refund decision: approve (the refund is issued once) or
 * decline (nothing is refunded through the hub).
 */
export function returnsApi(deps: { returns: ReturnsService; body: BodyParser }): Router {
  const { returns, body } = deps;
  const router = Router();

  router.get(
    '/admin/api/stores/:storeId/returns',
    route(async (req, res) => {
      const state = req.query.refundState;
      const parsed = state === undefined ? undefined : RefundStateSchema.safeParse(state);
      if (parsed && !parsed.success) {
        throw new HttpProblem(
          400,
          'bad_refund_state',
          `refundState is one of ${RefundStateSchema.options.join(', ')}`,
        );
      }
      res.json(await returns.list(idParam(req, 'storeId'), parsed?.data));
    }),
  );

  router.get(
    '/admin/api/returns/:returnId',
    route(async (req, res) => {
      res.json(await returns.get(idParam(req, 'returnId')));
    }),
  );

  router.post(
    '/admin/api/returns/:returnId/approve',
    route(async (req, res) => {
      const returnId = idParam(req, 'returnId');
      res.status(202).json(await returns.approve(returnId, body(ApproveRefundSchema, req)));
    }),
  );

  router.post(
    '/admin/api/returns/:returnId/decline',
    route(async (req, res) => {
      const returnId = idParam(req, 'returnId');
      res.json(await returns.decline(returnId, body(DeclineRefundSchema, req)));
    }),
  );
  return router;
}
