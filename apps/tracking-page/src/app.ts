import { randomBytes } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AttemptLimits, health, type Platform } from '@shiplink/app-kit';
import type { TrackingPageEnv } from './env';
import { trackingPageRoutes } from './routes/pages';
import { TrackingPages, type LookupLimits } from './services/tracking-pages.service';

/**
 * The customer tracking page as its own small app: public, apart from every admin route, on the
 * platform's PostgreSQL (orders, trackings) and Redis (lookup limits). Server-rendered HTML with
 * no script at all; the Content-Security-Policy allows only the page's own nonced style.
 */
export function createTrackingPageApp(
  platform: Pick<Platform, 'repos' | 'redis' | 'logger'>,
  env: TrackingPageEnv,
): Express {
  const app = express();
  app.disable('x-powered-by');
  // Every page carries a fresh style nonce and is never cached: an ETag could never match, and
  // hashing each body for one is work thrown away.
  app.set('etag', false);
  app.set('trust proxy', env.TRUST_PROXY_HOPS);
  app.use(health({ db: platform.repos.db, redis: platform.redis }));
  app.use((_req, res, next) => {
    res.locals.styleNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          styleSrc: [(_req, res) => `'nonce-${(res as Response).locals.styleNonce as string}'`],
          imgSrc: ['https:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
        },
      },
      // Links carry a token: it never leaves the site (external links also say noreferrer).
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.use((_req, res, next) => {
    // Pages name a customer's parcels: never cached by a shared cache, never indexed.
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    next();
  });
  // Per client (guessing many orders) and per order (many people guessing one order's e-mail);
  // every lookup counts, found or not, so the limits say nothing about which orders exist.
  const window = env.LOOKUP_WINDOW_SEC;
  const limits: LookupLimits = new AttemptLimits(
    platform.redis,
    `${env.QUEUE_PREFIX}:tracking-page:lookup`,
    [
      { name: 'client', points: env.LOOKUPS_PER_CLIENT, windowSec: window },
      { name: 'order', points: env.LOOKUPS_PER_ORDER, windowSec: window },
    ],
  );
  const pages = new TrackingPages(platform.repos, limits, { cacheMs: env.PAGE_CACHE_MS });
  app.use(trackingPageRoutes({ pages, logger: platform.logger }));
  app.use((_req, res) => void res.status(404).type('text/plain').send('Not found'));
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    platform.logger.error('tracking page failed', { error });
    res
      .status(503)
      .setHeader('Retry-After', '5')
      .type('text/plain')
      .send('Please try again in a moment.');
  });
  return app;
}
