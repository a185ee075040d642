import express, { type Express } from 'express';
import { health, type Platform } from '@shiplink/app-kit';
import type { IngressEnv } from './env';
import { problemHandler } from './http/problems';
import { adminApi } from './routes/admin.route';
import { checkoutRates } from './routes/checkout.route';
import { dashboard } from './routes/dashboard.route';
import { webhooks } from './routes/webhooks.route';
import { CheckoutRatesService } from './services/checkout-rates.service';
import { ConnectionsService } from './services/connections.service';
import { IntakeService } from './services/intake.service';
import { PollScheduler } from './services/polls.service';

export interface IngressServices {
  connections: ConnectionsService;
  polls: PollScheduler;
  intake: IntakeService;
}

/** The ingress HTTP surface; kept free of listening and timers so tests can mount it. */
export function createIngressApp(
  platform: Platform,
  env: IngressEnv,
): { app: Express; services: IngressServices } {
  const { repos, producer, logger, clients } = platform;
  const polls = new PollScheduler(producer, env.POLL_INTERVAL_MS, env.SCHEDULER_ENABLED);
  const connections = new ConnectionsService(repos, clients, polls, {
    publicUrl: env.PUBLIC_URL,
    baseUrlPolicy: { allowedInternalHosts: env.INTERNAL_PROVIDER_HOSTS },
  });
  const intake = new IntakeService(repos, producer, logger);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use(health({ db: repos.db, redis: platform.redis }));
  app.use(checkoutRates(new CheckoutRatesService(platform)));
  app.use(
    webhooks({
      repos,
      intake,
      maxBytes: env.MAX_WEBHOOK_BYTES,
      toleranceSec: env.WEBHOOK_TOLERANCE_SEC,
      publicUrl: env.PUBLIC_URL,
    }),
  );
  app.use(
    adminApi({
      token: env.ADMIN_TOKEN,
      repos,
      producer,
      connections,
      ports: platform.ports,
      publicUrl: env.PUBLIC_URL,
      trackingPageUrl: env.TRACKING_PAGE_URL,
    }),
  );
  app.use(dashboard({ producer, user: env.DASHBOARD_USER, password: env.DASHBOARD_PASSWORD }));
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: 'no such endpoint' });
  });
  app.use(problemHandler(logger));
  return { app, services: { connections, polls, intake } };
}
