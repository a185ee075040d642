import { Router, type Request } from 'express';
import type { z } from 'zod';
import { idParam, textParam } from '../http/params';
import { HttpProblem, route } from '../http/problems';
import {
  DismissReviewSchema,
  MapSkuSchema,
  RetryReviewSchema,
  ReviewStatusSchema,
  SkuSchema,
  type ReviewsService,
} from '../services/reviews.service';

/** How the admin API parses a request body (400 when it does not fit). */
export type BodyParser = <S extends z.ZodType>(schema: S, req: Request) => z.infer<S>;

function statusQuery(req: Request) {
  if (req.query.status === undefined) return undefined;
  const status = ReviewStatusSchema.safeParse(req.query.status);
  if (!status.success) {
    throw new HttpProblem(
      400,
      'invalid_parameter',
      `status must be one of ${ReviewStatusSchema.options.join(', ')}`,
    );
  }
  return status.data;
}

function skuParam(req: Request) {
  const sku = SkuSchema.safeParse(textParam(req, 'storeSku', 200));
  if (!sku.success) throw new HttpProblem(400, 'invalid_parameter', 'storeSku must not be blank');
  return sku.data;
}

/**
 * The review queue under the admin API (mounted behind its bearer token and JSON parser):
 * orders waiting for SKUs, the store's SKU mappings, and a person's decisions on them.
 */
export function reviewsApi(deps: { reviews: ReviewsService; body: BodyParser }): Router {
  const { reviews, body } = deps;
  const router = Router();

  router.get(
    '/admin/api/stores/:storeId/reviews',
    route(async (req, res) => {
      res.json(await reviews.list(idParam(req, 'storeId'), statusQuery(req)));
    }),
  );

  router.get(
    '/admin/api/stores/:storeId/sku-mappings',
    route(async (req, res) => {
      res.json(await reviews.mappings(idParam(req, 'storeId')));
    }),
  );

  router.put(
    '/admin/api/stores/:storeId/sku-mappings/:storeSku',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      const storeSku = skuParam(req);
      res.json(await reviews.mapSku(storeId, storeSku, body(MapSkuSchema, req)));
    }),
  );

  router.post(
    '/admin/api/reviews/:reviewId/dismiss',
    route(async (req, res) => {
      const reviewId = idParam(req, 'reviewId');
      res.json(await reviews.dismiss(reviewId, body(DismissReviewSchema, req)));
    }),
  );

  router.post(
    '/admin/api/reviews/:reviewId/retry',
    route(async (req, res) => {
      const reviewId = idParam(req, 'reviewId');
      // A retry needs no body; one that names a person is audited with it.
      const input = req.body === undefined ? {} : body(RetryReviewSchema, req);
      res.status(202).json(await reviews.retry(reviewId, input));
    }),
  );

  return router;
}
