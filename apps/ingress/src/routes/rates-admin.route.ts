import { Router } from 'express';
import { z } from 'zod';
import type { Repos } from '@shiplink/db';
import { cartFromRateRequest, explainQuote, validateRateRuleSet } from '@shiplink/domain';
import { idParam } from '../http/params';
import { HttpProblem, route } from '../http/problems';
import type { BodyParser } from './reviews.route';

const SaveRulesSchema = z.object({
  /** The rule set without `storeId` and `version`, which the hub sets. */
  rules: z.record(z.string(), z.unknown()),
  by: z.string().min(1).max(100).optional(),
});
const DryRunSchema = z.object({
  /** A BigCommerce rate request, as checkout would send it. */
  rateRequest: z.unknown(),
  language: z.string().max(10).optional(),
});

function invalidRules(issues: { path: string; message: string }[]): HttpProblem {
  return new HttpProblem(
    422,
    'invalid_rate_rules',
    'the rate rules do not validate',
    issues.slice(0, 20).map((issue) => `${issue.path}: ${issue.message}`),
  );
}

/**
 * The admin API of checkout rates: the store's rule set in versions (validated when saved), a
 * dry run ("what would checkout show for this cart and address?"), and the checkout key the
 * store's shipping-carrier connection sends, shown once.
 */
export function ratesAdminApi(deps: { repos: Repos; body: BodyParser; publicUrl: string }): Router {
  const { repos, body } = deps;
  const router = Router();
  const storeOr404 = async (storeId: string) => {
    const store = await repos.tenancy.getStore(storeId);
    if (!store) throw new HttpProblem(404, 'unknown_store', 'no such store');
    return store;
  };

  router.get(
    '/admin/api/stores/:storeId/rate-rules',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      await storeOr404(storeId);
      const current = await repos.rates.current(storeId);
      if (!current) throw new HttpProblem(404, 'no_rate_rules', 'the store has no rate rules');
      res.json(current);
    }),
  );

  router.put(
    '/admin/api/stores/:storeId/rate-rules',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      await storeOr404(storeId);
      const { rules, by } = body(SaveRulesSchema, req);
      const next = ((await repos.rates.current(storeId))?.version ?? 0) + 1;
      const checked = validateRateRuleSet({ ...rules, storeId, version: next });
      if (!checked.ok) throw invalidRules(checked.issues);
      const saved = await repos.rates.save(
        storeId,
        (version) => ({ ...rules, storeId, version }),
        by ?? null,
      );
      res.status(201).json({ storeId, version: saved.version, savedAt: saved.savedAt });
    }),
  );

  router.post(
    '/admin/api/stores/:storeId/rate-rules/dry-run',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      await storeOr404(storeId);
      const current = await repos.rates.current(storeId);
      const checked = current ? validateRateRuleSet(current.rules) : undefined;
      if (!checked) throw new HttpProblem(404, 'no_rate_rules', 'the store has no rate rules');
      if (!checked.ok) throw invalidRules(checked.issues);
      const { rateRequest, language } = body(DryRunSchema, req);
      const cart = cartFromRateRequest(rateRequest, {
        defaultCurrency: checked.ruleSet.defaultCurrency,
      });
      if (!cart.ok) throw invalidRules(cart.issues);
      res.json(explainQuote(checked.ruleSet, cart.cart, language ? { language } : {}));
    }),
  );

  router.post(
    '/admin/api/stores/:storeId/checkout-key',
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      await storeOr404(storeId);
      const key = await repos.rates.issueCheckoutKey(storeId);
      const base = `${deps.publicUrl.replace(/\/+$/, '')}/checkout/${storeId}`;
      res.status(201).json({
        key,
        rateUrl: `${base}/rate`,
        checkConnectionUrl: `${base}/check_connection_options`,
      });
    }),
  );
  return router;
}
