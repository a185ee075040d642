import { Router, type Request } from 'express';
import type { Repos } from '@shiplink/db';
import { idParam } from '../http/params';
import { route } from '../http/problems';
import {
  NotificationTemplatesService,
  PreviewTemplateSchema,
  SaveTemplateSchemas,
  templateKey,
} from '../services/notification-templates.service';
import type { BodyParser } from './reviews.route';

const TEMPLATES = '/admin/api/stores/:storeId/notification-templates';
const TEMPLATE = `${TEMPLATES}/:trigger/:channel/:language`;

const keyParams = (req: Request) =>
  templateKey({
    trigger: req.params.trigger,
    channel: req.params.channel,
    language: req.params.language,
  });

/** An e-mail preview as the page itself, for a browser, when asked for HTML rather than JSON. */
const wantsHtml = (req: Request) =>
  req.query.format === 'html' || req.accepts(['json', 'html']) === 'html';

/**
 * The rendered preview is the merchant's own markup on the admin API's origin: the browser runs
 * nothing of it and loads only images, as a mail client would.
 */
const PREVIEW_POLICY =
  "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'";

/**
 * A store's customer notification templates under the admin API (mounted behind its bearer
 * token and JSON parser): every trigger × channel × language, the source of one (the store's or
 * the default), saving one as the next version (validated), reset to the default, and a preview
 * of a draft or the current template for the sample order in the store's brand.
 */
export function notificationTemplatesApi(deps: { repos: Repos; body: BodyParser }): Router {
  const { body } = deps;
  const templates = new NotificationTemplatesService(deps.repos);
  const router = Router();

  router.get(
    TEMPLATES,
    route(async (req, res) => {
      res.json(await templates.list(idParam(req, 'storeId')));
    }),
  );

  router.post(
    `${TEMPLATES}/preview`,
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      const preview = await templates.preview(storeId, body(PreviewTemplateSchema, req));
      res.setHeader('cache-control', 'no-store');
      if ('html' in preview && wantsHtml(req)) {
        res.setHeader('content-security-policy', PREVIEW_POLICY);
        res.type('html').send(preview.html);
        return;
      }
      res.json(preview);
    }),
  );

  router.get(
    TEMPLATE,
    route(async (req, res) => {
      res.json(await templates.show(idParam(req, 'storeId'), keyParams(req)));
    }),
  );

  router.put(
    TEMPLATE,
    route(async (req, res) => {
      const storeId = idParam(req, 'storeId');
      const key = keyParams(req);
      const { by, ...fields } = body(SaveTemplateSchemas[key.channel], req);
      res.status(201).json(await templates.save(storeId, key, fields, by ?? null));
    }),
  );

  router.delete(
    TEMPLATE,
    route(async (req, res) => {
      await templates.reset(idParam(req, 'storeId'), keyParams(req));
      res.status(204).end();
    }),
  );
  return router;
}
