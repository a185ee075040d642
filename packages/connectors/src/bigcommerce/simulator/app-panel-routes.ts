import express, { type Response, type Router } from 'express';
import { isProblem, type BigCommerceAppFlows, type UninstallOutcome } from './app-flows';
import type { SimApps } from './apps-state';
import type { SimStore } from './state';

/**
 * The store control panel's Apps page, for a person with a browser: every registered app with
 * Install (a form: the browser goes on to the app's auth callback), Open (a link to its load
 * callback) and Uninstall (a form; the outcome is shown on the page). Plain HTML, no scripts.
 *
 *   GET  /manage/stores/:hash/apps
 *   POST /manage/stores/:hash/apps/:clientId/install    → 302 to the auth callback
 *   GET  /manage/stores/:hash/apps/:clientId/open       → 302 to the load callback
 *   POST /manage/stores/:hash/apps/:clientId/uninstall  → 200, the page with the outcome
 */

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

type Notice = { kind: 'status' | 'alert'; text: string };

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body><main>
${body}
</main></body>
</html>`;
}

function notice(message: Notice | undefined): string {
  if (!message) return '';
  return `<p role="${message.kind}">${escapeHtml(message.text)}</p>`;
}

function appsPage(store: SimStore, apps: SimApps, message?: Notice): string {
  const base = `/manage/stores/${encodeURIComponent(store.hash)}/apps`;
  const rows = [...apps.apps.values()].map((app) => {
    const name = escapeHtml(app.name);
    const path = `${base}/${encodeURIComponent(app.clientId)}`;
    const installed = apps.installOf(store.hash, app.clientId) !== undefined;
    const actions = installed
      ? `<a href="${path}/open" aria-label="Open ${name}">Open</a>
<form method="post" action="${path}/uninstall"><button type="submit" aria-label="Uninstall ${name}">Uninstall</button></form>`
      : `<form method="post" action="${path}/install"><button type="submit" aria-label="Install ${name}">Install</button></form>`;
    return `<tr><th scope="row">${name}</th><td>${installed ? 'Installed' : 'Not installed'}</td><td>${actions}</td></tr>`;
  });
  const table =
    rows.length === 0
      ? '<p>No apps are registered.</p>'
      : `<table>
<caption>Apps for this store</caption>
<thead><tr><th scope="col">App</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return page(
    `Apps · store ${store.hash}`,
    `<h1>Apps on store ${escapeHtml(store.hash)}</h1>
${notice(message)}
${table}`,
  );
}

function describe(name: string, outcome: UninstallOutcome): string {
  const callback =
    outcome.uninstallCallback.status === null
      ? `the uninstall callback could not be reached (${outcome.uninstallCallback.error ?? 'no answer'})`
      : `the uninstall callback answered ${outcome.uninstallCallback.status}`;
  const hooks = outcome.webhooks.length;
  return `${name} was uninstalled: ${callback}, and store/app/uninstalled went to ${hooks} webhook${hooks === 1 ? '' : 's'}.`;
}

export function appPanelRoutes(
  stores: Map<string, SimStore>,
  apps: SimApps,
  flows: BigCommerceAppFlows,
): Router {
  const router = express.Router();
  const base = '/manage/stores/:hash/apps';
  const html = (res: Response, status: number, body: string) =>
    void res.status(status).type('html').send(body);
  const notFound = (res: Response, error: string) =>
    html(
      res,
      404,
      page('Not found', `<h1>Not found</h1>${notice({ kind: 'alert', text: error })}`),
    );

  router.get(base, (req, res) => {
    const store = stores.get(String(req.params.hash));
    if (!store) return notFound(res, `There is no store ${String(req.params.hash)}.`);
    html(res, 200, appsPage(store, apps));
  });

  router.post(`${base}/:clientId/install`, (req, res) => {
    const found = flows.find(String(req.params.hash), String(req.params.clientId));
    if (isProblem(found)) return notFound(res, found.error);
    const url = flows.authorize(found);
    if (isProblem(url)) {
      return html(res, 409, appsPage(found.store, apps, { kind: 'alert', text: url.error }));
    }
    res.redirect(302, url);
  });

  router.get(`${base}/:clientId/open`, (req, res) => {
    const found = flows.find(String(req.params.hash), String(req.params.clientId));
    if (isProblem(found)) return notFound(res, found.error);
    const url = flows.load(found);
    if (isProblem(url)) {
      return html(res, 409, appsPage(found.store, apps, { kind: 'alert', text: url.error }));
    }
    res.redirect(302, url);
  });

  router.post(`${base}/:clientId/uninstall`, async (req, res) => {
    const found = flows.find(String(req.params.hash), String(req.params.clientId));
    if (isProblem(found)) return notFound(res, found.error);
    const outcome = await flows.uninstall(found);
    if (isProblem(outcome)) {
      return html(res, 409, appsPage(found.store, apps, { kind: 'alert', text: outcome.error }));
    }
    const text = describe(found.app.name, outcome);
    html(res, 200, appsPage(found.store, apps, { kind: 'status', text }));
  });

  return router;
}
