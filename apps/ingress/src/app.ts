import express from 'express';
import { health, type Platform } from '@shiplink/app-kit';
import type { IngressEnv } from './env';
import { LaunchTickets } from './auth/launch-tickets';
import { Sessions } from './auth/sessions';
import { SignInLimits } from './auth/sign-in-limits';
import { frontDoor, type IngressApp } from './http/front-door';
import { problemHandler } from './http/problems';
import { consoleDist } from '@shiplink/console';
import { adminApi } from './routes/admin.route';
import { appCallbacks } from './routes/apps.route';
import { checkoutRates } from './routes/checkout.route';
import { consolePages } from './routes/console.route';
import { dashboard } from './routes/dashboard.route';
import { sessionApi } from './routes/session.route';
import { webhooks } from './routes/webhooks.route';
import { AccountsService } from './services/accounts.service';
import { AppInstallService } from './services/app-install.service';
import { appRegistrations } from './services/app-registrations';
import { CheckoutRatesService } from './services/checkout-rates.service';
import { ConnectionsService } from './services/connections.service';
import { InstallsService } from './services/installs.service';
import { IntakeService } from './services/intake.service';
import { PollScheduler } from './services/polls.service';

export interface IngressServices {
  connections: ConnectionsService;
  polls: PollScheduler;
  intake: IntakeService;
  installs: InstallsService;
}

/** The ingress HTTP surface; kept free of listening and timers so tests can mount it. */
export function createIngressApp(
  platform: Platform,
  env: IngressEnv,
): { app: IngressApp; services: IngressServices } {
  const { repos, producer, logger, clients } = platform;
  const polls = new PollScheduler(producer, env.POLL_INTERVAL_MS, env.SCHEDULER_ENABLED);
  const connections = new ConnectionsService(repos, clients, polls, {
    publicUrl: env.PUBLIC_URL,
    baseUrlPolicy: { allowedInternalHosts: env.INTERNAL_PROVIDER_HOSTS },
  });
  const intake = new IntakeService(repos, producer, logger);
  const installs = new InstallsService(repos, polls);
  const tickets = new LaunchTickets(platform.redis, env.QUEUE_PREFIX);
  const auth = {
    operatorToken: env.ADMIN_TOKEN,
    repos,
    sessions: new Sessions(repos, { ttlMs: env.SESSION_TTL_MS, secureCookies: env.SECURE_COOKIES }),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use(health({ db: repos.db, redis: platform.redis }));
  app.use(checkoutRates(new CheckoutRatesService(platform)));
  app.use(
    sessionApi({
      ...auth,
      accounts: new AccountsService(repos),
      limits: new SignInLimits(platform.redis, env.QUEUE_PREFIX),
      tickets,
    }),
  );
  app.use(
    appCallbacks({
      apps: new AppInstallService({
        repos,
        connections,
        installs,
        polls,
        tickets,
        logger,
        apps: appRegistrations(env),
      }),
    }),
  );
  app.use(
    adminApi({
      auth,
      logger,
      repos,
      producer,
      connections,
      ports: platform.ports,
      publicUrl: env.PUBLIC_URL,
      trackingPageUrl: env.TRACKING_PAGE_URL,
    }),
  );
  app.use(dashboard({ producer, auth }));
  app.use(consolePages(env.CONSOLE_DIR ?? consoleDist));
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: 'no such endpoint' });
  });
  app.use(problemHandler(logger));
  const deliveries = webhooks({
    repos,
    intake,
    installs,
    logger,
    maxBytes: env.MAX_WEBHOOK_BYTES,
    toleranceSec: env.WEBHOOK_TOLERANCE_SEC,
    publicUrl: env.PUBLIC_URL,
  });
  return { app: frontDoor(deliveries, app), services: { connections, polls, intake, installs } };
}
