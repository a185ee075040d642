import { Router, type Request, type Response } from 'express';
import { findConnector, type ProviderId } from '@shiplink/connectors';
import { HttpProblem, route } from '../http/problems';
import type { AppInstallService, Launch } from '../services/app-install.service';
import { LAUNCH_PATH } from './session.route';

const CALLBACKS = ['auth', 'load', 'uninstall', 'remove_user'] as const;

function providerOf(req: Request): ProviderId {
  const connector = findConnector(String(req.params.provider));
  if (!connector?.appInstall) throw new HttpProblem(404, 'not_found', 'no such endpoint');
  return connector.id;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Into the console with the launch's ticket. Opened top-level, the browser goes straight there;
 * inside the platform's control panel (an iframe, where a session cookie would be a third-party
 * cookie) it gets a page with one link that opens the console in its own tab.
 */
function openConsole(req: Request, res: Response, launch: Launch, installed: boolean) {
  const query = new URLSearchParams({
    ticket: launch.ticket,
    [installed ? 'installed' : 'store']: launch.storeId,
  });
  if (launch.webhooksPending) query.set('webhooks', 'pending');
  const note = installed ? 'Your store is connected.' : 'Welcome back.';
  const target = `${LAUNCH_PATH}?${query.toString()}`;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (req.headers['sec-fetch-dest'] !== 'iframe') {
    res.redirect(303, target);
    return;
  }
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shiplink</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1a1a1a">
<main><h1>Shiplink</h1><p>${escapeHtml(note)}</p>
<p><a href="${escapeHtml(target)}" target="_blank" rel="noopener">Open the Shiplink console</a></p></main>
</body></html>`);
}

/**
 * The platform's app callbacks (`/apps/bigcommerce/auth`, `…/load`, `…/uninstall`,
 * `…/remove_user`), for every connector that can be installed as an app and has a registration
 * in the env. They are GETs the platform sends the browser (or its own servers) to.
 */
export function appCallbacks(deps: { apps: AppInstallService }): Router {
  const router = Router();
  const query = (req: Request) => req.query as Record<string, unknown>;
  for (const callback of CALLBACKS) {
    router.get(
      `/apps/:provider/${callback}`,
      route(async (req, res) => {
        const provider = providerOf(req);
        switch (callback) {
          case 'auth':
            openConsole(req, res, await deps.apps.install(provider, query(req)), true);
            return;
          case 'load':
            openConsole(req, res, await deps.apps.load(provider, query(req)), false);
            return;
          case 'uninstall':
            res.json(await deps.apps.uninstall(provider, query(req)));
            return;
          case 'remove_user':
            res.json(await deps.apps.removeUser(provider, query(req)));
            return;
        }
      }),
    );
  }
  return router;
}
