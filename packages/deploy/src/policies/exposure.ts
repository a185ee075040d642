import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import { DEFAULT_OPS_PORT, DEPLOYED_APPS, HTTP_APPS } from '../apps';
import { deploymentsOf, envValue, ofKind, resolveEnv, selects } from '../inventory';
import { idOf, type Manifest } from '../manifests';

const servicesOf = (manifests: Manifest[], template: Parameters<typeof selects>[1]) =>
  ofKind<IService>(manifests, 'Service').filter((service) =>
    selects(service.spec?.selector, template),
  );

/** Every app's ops port is reachable through a Service port named ops, annotated for scraping. */
export function opsPortsScraped(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const app of DEPLOYED_APPS) {
    for (const deployment of deploymentsOf(manifests, app.name)) {
      const template = deployment.spec!.template;
      const container = template.spec?.containers[0];
      const opsPort = Number(
        (container && envValue(resolveEnv(manifests, container), 'OPS_PORT')) ?? DEFAULT_OPS_PORT,
      );
      const scraped = servicesOf(manifests, template).filter((service) => {
        const port = service.spec?.ports?.find((p) => p.name === 'ops');
        const annotations = service.metadata.annotations ?? {};
        return (
          port?.port === opsPort &&
          (port.targetPort === 'ops' || port.targetPort === opsPort) &&
          annotations['prometheus.io/scrape'] === 'true' &&
          annotations['prometheus.io/port'] === String(opsPort)
        );
      });
      if (scraped.length !== 1) {
        problems.push(`${idOf(deployment)}: ${scraped.length} scraped Services with an ops port`);
      }
    }
  }
  return problems;
}

/**
 * Each HTTP app: a Service port named http and an Ingress routing a host of its own to it; the
 * ops port (probes, metrics) is never behind an Ingress.
 */
export function httpAppsExposed(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const ingresses = ofKind<IIngress>(manifests, 'Ingress');
  const routes = ingresses.flatMap((ingress) =>
    (ingress.spec?.rules ?? []).flatMap((rule) =>
      (rule.http?.paths ?? []).map((path) => ({ ingress, host: rule.host, path })),
    ),
  );
  for (const route of routes) {
    const port = route.path.backend.service?.port;
    if (port?.name === 'ops' || port?.number === DEFAULT_OPS_PORT) {
      problems.push(`${idOf(route.ingress)}: routes ${route.host} to an ops port`);
    }
  }
  const hostsByApp = new Map<string, Set<string>>();
  for (const app of HTTP_APPS) {
    for (const deployment of deploymentsOf(manifests, app.name)) {
      const template = deployment.spec!.template;
      const http = servicesOf(manifests, template).filter((service) =>
        service.spec?.ports?.some((p) => p.name === 'http' && p.targetPort === 'http'),
      );
      const served = template.spec?.containers[0]?.ports?.some((p) => p.name === 'http');
      if (http.length !== 1 || !served) {
        problems.push(`${idOf(deployment)}: ${http.length} Services on its http port, not one`);
        continue;
      }
      const service = http[0]!;
      const hosts = new Set(
        routes
          .filter(({ path }) => {
            const backend = path.backend.service;
            const servicePort = service.spec?.ports?.find((p) => p.name === 'http');
            return (
              backend?.name === service.metadata.name &&
              (backend.port?.name === 'http' || backend.port?.number === servicePort?.port)
            );
          })
          .map(({ host }) => host ?? ''),
      );
      if (hosts.size === 0 || hosts.has('')) {
        problems.push(`${idOf(service)}: no Ingress host routes to its http port`);
      }
      hostsByApp.set(app.name, hosts);
    }
  }
  const seen = new Map<string, string>();
  for (const [app, hosts] of hostsByApp) {
    for (const host of hosts) {
      const other = seen.get(host);
      if (other) problems.push(`${app} and ${other} share the host ${host}`);
      seen.set(host, app);
    }
  }
  return problems;
}
