import { Router } from 'express';
import { scopeOf } from '../auth/principal';
import { parseBody as body } from '../http/body';
import { HttpProblem, route } from '../http/problems';
import {
  DeadLetterFilterSchema,
  ReplayRequestSchema,
  type DeadLettersService,
} from '../services/dead-letters.service';

function filterOf(query: Record<string, unknown>) {
  const { limit: _limit, ...rest } = query;
  const parsed = DeadLetterFilterSchema.safeParse(rest);
  if (!parsed.success) {
    throw new HttpProblem(
      400,
      'invalid_filter',
      'the filter does not fit',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  return parsed.data;
}

/**
 * Dead letters as the database records them, the caller's tenant's only: filter by queue,
 * provider, reason (or its prefix), status and time; replay one, a selection or every match,
 * with a dry run that answers what would be replayed and changes nothing.
 */
export function deadLettersApi(deps: { deadLetters: DeadLettersService }): Router {
  const router = Router();

  router.get(
    '/admin/api/dead-letters',
    route(async (req, res) => {
      const limit = Math.min(Math.max(Number(req.query.limit) || 100, 1), 500);
      res.json(await deps.deadLetters.list(scopeOf(res), filterOf(req.query), limit));
    }),
  );

  router.post(
    '/admin/api/dead-letters/replay',
    route(async (req, res) => {
      const outcome = await deps.deadLetters.replay(scopeOf(res), body(ReplayRequestSchema, req));
      res.locals.actionDetail = {
        dryRun: outcome.dryRun,
        matched: outcome.matched,
        replayed: outcome.replayed,
        ...('filter' in req.body ? { filter: req.body.filter } : { ids: req.body.ids }),
      };
      res.json(outcome);
    }),
  );

  router.get(
    '/admin/api/dead-letters/:deadLetterId',
    route(async (req, res) => {
      const letter = await deps.deadLetters.get(scopeOf(res), String(req.params.deadLetterId));
      if (!letter) throw new HttpProblem(404, 'unknown_dead_letter', 'no such dead letter');
      res.json(letter);
    }),
  );
  return router;
}
