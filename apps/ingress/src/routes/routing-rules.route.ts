import { Router } from 'express';
import { idParam } from '../http/params';
import { route } from '../http/problems';
import {
  RoutingDryRunSchema,
  SaveRoutingRulesSchema,
  type RoutingRulesService,
} from '../services/routing-rules.service';
import type { BodyParser } from './reviews.route';

const RULES = '/admin/api/stores/:storeId/routing-rules';

/**
 * A store's routing rules under the admin API (behind its bearer token and JSON parser): the
 * current set, its versions, saving the next version (validated), and a dry run of the saved
 * rules or a draft against a real store order.
 */
export function routingRulesApi(deps: { routing: RoutingRulesService; body: BodyParser }): Router {
  const { routing, body } = deps;
  const router = Router();

  router.get(
    RULES,
    route(async (req, res) => {
      res.json(await routing.current(idParam(req, 'storeId')));
    }),
  );

  router.get(
    `${RULES}/history`,
    route(async (req, res) => {
      res.json(await routing.history(idParam(req, 'storeId')));
    }),
  );

  router.put(
    RULES,
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      res.status(201).json(await routing.save(storeId, body(SaveRoutingRulesSchema, req)));
    }),
  );

  router.post(
    `${RULES}/dry-run`,
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      res.json(await routing.dryRun(storeId, body(RoutingDryRunSchema, req)));
    }),
  );
  return router;
}
