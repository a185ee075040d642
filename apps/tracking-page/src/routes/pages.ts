import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PageStore } from '@shiplink/db';
import { PAGE_LANGUAGES, type PageLanguage } from '@shiplink/domain';
import type { Logger } from '@shiplink/logger';
import { chooseLanguage, isPageLanguage } from '../services/language';
import { pageSettingsOf } from '../services/page-data';
import { RenderedPages } from '../services/rendered-pages';
import type { TrackingPages } from '../services/tracking-pages.service';
import {
  renderErrorPage,
  renderLookupPage,
  renderOrderPage,
  renderUnsubscribePage,
  type LookupProblem,
  type PageChrome,
} from '../views';

const LANGUAGE_COOKIE = 'sl_lang';
const YEAR_SEC = 365 * 24 * 3600;

const LookupSchema = z.object({
  orderNumber: z.string().trim().max(64).default(''),
  contact: z.string().trim().max(254).default(''),
  trackingNumber: z.string().trim().max(64).default(''),
});

/** Where a store's page lives on this request: its own host (`''`) or `/s/<slug>`. */
interface Site {
  store: PageStore;
  base: string;
  ownHost: boolean;
}

const LANGUAGE_COOKIE_VALUE = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([^;]*)`);
const pickedLanguage = (req: Request) => LANGUAGE_COOKIE_VALUE.exec(req.headers.cookie ?? '')?.[1];

/**
 * The public tracking page: a store's lookup form, the order page a link's token opens, and a
 * parcel found by its tracking number alone (no order details). Nothing here is an admin route,
 * and no internal id appears in a URL: stores are named by host or slug, orders by a token.
 */
export function trackingPageRoutes(deps: { pages: TrackingPages; logger: Logger }): Router {
  const { pages } = deps;
  const router = Router();
  const rendered = new RenderedPages();
  const form = express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 10 });

  const languageOf = (req: Request, res: Response, site: Site, order?: string | null) => {
    const link = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    // The customer picked it (the switcher's links): remembered for their next visit.
    if (isPageLanguage(link)) {
      res.cookie(LANGUAGE_COOKIE, link, {
        maxAge: YEAR_SEC * 1000,
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        path: '/',
      });
    }
    return chooseLanguage({
      link,
      picked: pickedLanguage(req),
      order,
      browser: req.acceptsLanguages(),
      storeDefault: pageSettingsOf(site.store).defaultLanguage,
    });
  };

  const chrome = (req: Request, res: Response, site: Site, language: PageLanguage): PageChrome => ({
    ...pages.chromeOf(site.store, language, `${site.base}/lookup`),
    styleNonce: res.locals.styleNonce as string,
    languages: PAGE_LANGUAGES.map((locale) => ({
      locale,
      href: `${req.path}?lang=${locale}`,
      current: locale === language,
    })),
  });

  const siteOf = async (req: Request): Promise<Site | undefined> => {
    const own = await pages.storeByHost(req.hostname);
    if (own) return { store: own, base: '', ownHost: true };
    const slug = typeof req.params.slug === 'string' ? req.params.slug : undefined;
    const store =
      slug && /^[a-z0-9][a-z0-9-]{0,99}$/i.test(slug) ? await pages.storeBySlug(slug) : undefined;
    return store ? { store, base: `/s/${pages.slugOf(store)}`, ownHost: false } : undefined;
  };

  const notFound = async (req: Request, res: Response, site?: Site) => {
    const store = site?.store;
    res.status(404);
    if (!store) return void res.type('text/plain').send('Not found');
    const language = languageOf(req, res, site);
    res.type('html').send(renderErrorPage(chrome(req, res, site, language), 'not_found'));
  };

  const lookupPage = (
    req: Request,
    res: Response,
    site: Site,
    problem: LookupProblem | null,
    values = { orderNumber: '', contact: '', trackingNumber: '' },
  ) => {
    const language = languageOf(req, res, site);
    res
      .type('html')
      .send(renderLookupPage({ ...chrome(req, res, site, language), problem, values }));
  };

  const withSite =
    (handler: (req: Request, res: Response, site: Site) => Promise<void> | void) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const site = await siteOf(req);
        // On a store's own host only its paths exist; on the shared host only `/s/<slug>` ones.
        if (!site || site.ownHost === Boolean(req.params.slug))
          return await notFound(req, res, site);
        await handler(req, res, site);
      } catch (error) {
        next(error);
      }
    };

  const showLookup = withSite((req, res, site) => lookupPage(req, res, site, null));
  router.get('/', showLookup);
  router.get('/s/:slug', showLookup);

  const lookup = withSite(async (req, res, site) => {
    const parsed = LookupSchema.safeParse(req.body ?? {});
    if (!parsed.success) return lookupPage(req, res.status(400), site, 'invalid');
    const values = parsed.data;
    const byParcel = values.trackingNumber !== '' && values.orderNumber === '';
    if (!byParcel && (values.orderNumber === '' || values.contact.length < 3)) {
      return lookupPage(req, res.status(400), site, 'invalid', values);
    }
    const client = req.ip ?? 'unknown';
    const found = byParcel
      ? await pages.findParcel(site.store, values.trackingNumber, client)
      : await pages.findOrder(site.store, values, client);
    if (found.outcome === 'limited') {
      res.setHeader('Retry-After', String(found.retryAfterSec));
      return lookupPage(req, res.status(429), site, 'rate_limited', values);
    }
    // One answer for every miss: no order, another order's e-mail, a wrong postcode.
    if (found.outcome === 'missing') {
      return lookupPage(req, res.status(404), site, 'not_found', values);
    }
    res.redirect(
      303,
      'token' in found
        ? `/t/${found.token}`
        : `${site.base}/parcel/${encodeURIComponent(values.trackingNumber)}`,
    );
  });
  router.post('/lookup', form, lookup);
  router.post('/s/:slug/lookup', form, lookup);

  const parcel = withSite(async (req, res, site) => {
    const number = String(req.params.trackingNumber ?? '');
    const shown = await pages.parcelPage(site.store, number, req.ip ?? 'unknown');
    if (shown.outcome === 'limited') {
      res.setHeader('Retry-After', String(shown.retryAfterSec));
      res.status(429);
      const language = languageOf(req, res, site);
      return void res
        .type('html')
        .send(renderErrorPage(chrome(req, res, site, language), 'rate_limited'));
    }
    if (shown.outcome === 'missing') return notFound(req, res, site);
    const language = languageOf(req, res, site);
    res.type('html').send(renderOrderPage({ ...chrome(req, res, site, language), ...shown.view }));
  });
  router.get('/parcel/:trackingNumber', parcel);
  router.get('/s/:slug/parcel/:trackingNumber', parcel);

  const unsubscribe = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = String(req.params.token);
      const target = token.length <= 400 ? await pages.unsubscribeTarget(token) : undefined;
      if (!target) return await notFound(req, res);
      const own = await pages.storeByHost(req.hostname);
      if (own && own.id !== target.store.id) return await notFound(req, res);
      const site: Site = own
        ? { store: own, base: '', ownHost: true }
        : { store: target.store, base: `/s/${pages.slugOf(target.store)}`, ownHost: false };
      if (req.method === 'POST') await pages.unsubscribe(target);
      const language = languageOf(req, res, site);
      res.type('html').send(
        renderUnsubscribePage(chrome(req, res, site, language), {
          done: req.method === 'POST',
          action: req.path,
        }),
      );
    } catch (error) {
      next(error);
    }
  };
  router.get('/u/:token', unsubscribe);
  // One-click unsubscribe from the mail client (RFC 8058) and the confirmation's button alike.
  router.post('/u/:token', form, unsubscribe);

  router.get('/t/:token', async (req, res, next) => {
    try {
      const token = String(req.params.token);
      const opened = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await pages.openLink(token) : undefined;
      const own = await pages.storeByHost(req.hostname);
      // A store's own host opens only its own orders' links.
      if (!opened || (own && own.id !== opened.store.id)) return await notFound(req, res);
      const site: Site = own
        ? { store: own, base: '', ownHost: true }
        : { store: opened.store, base: `/s/${pages.slugOf(opened.store)}`, ownHost: false };
      const language = languageOf(req, res, site, opened.language);
      if (opened.revoked) {
        res.status(410);
        return void res
          .type('html')
          .send(renderErrorPage(chrome(req, res, site, language), 'gone'));
      }
      const view = await pages.orderView(opened.orderId, site.store);
      if (!view) return await notFound(req, res, site);
      const page = rendered.page(
        { content: view, store: site.store, variant: `${language} ${site.base} ${req.path}` },
        res.locals.styleNonce as string,
        (styleNonce) =>
          renderOrderPage({ ...chrome(req, res, site, language), styleNonce, ...view }),
      );
      res.type('html').send(page);
    } catch (error) {
      next(error);
    }
  });

  return router;
}
