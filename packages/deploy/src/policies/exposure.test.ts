import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import { broken, object, remove } from '../test/fixtures';
import { httpAppsExposed, opsPortsScraped } from './exposure';

describe('opsPortsScraped', () => {
  it('fails a Service without the ops port or the scrape annotations', () => {
    const manifests = broken((all) => {
      const service = object<IService>(all, 'Service/shiplink-worker-orders');
      service.spec!.ports![0]!.name = 'metrics';
      delete object(all, 'Service/shiplink-ingress').metadata.annotations;
    });
    expect(opsPortsScraped(manifests)).toEqual([
      'Deployment/shiplink-ingress: 0 scraped Services with an ops port',
      'Deployment/shiplink-worker-orders: 0 scraped Services with an ops port',
    ]);
  });
});

describe('httpAppsExposed', () => {
  it('fails an HTTP app with no Ingress, and the ops port behind one', () => {
    const manifests = broken((all) => {
      remove(all, 'Ingress/shiplink-tracking-page');
      const ingress = object<IIngress>(all, 'Ingress/shiplink-ingress');
      ingress.spec!.rules![0]!.http!.paths[0]!.backend.service!.port = { name: 'ops' };
    });
    expect(httpAppsExposed(manifests)).toEqual([
      'Ingress/shiplink-ingress: routes hooks.shiplink.example.com to an ops port',
      'Service/shiplink-ingress: no Ingress host routes to its http port',
      'Service/shiplink-tracking-page: no Ingress host routes to its http port',
    ]);
  });

  it('fails the two apps sharing a host', () => {
    const manifests = broken((all) => {
      const rule = object<IIngress>(all, 'Ingress/shiplink-tracking-page').spec!.rules![0]!;
      rule.host = 'hooks.shiplink.example.com';
    });
    expect(httpAppsExposed(manifests)).toEqual([
      'tracking-page and ingress share the host hooks.shiplink.example.com',
    ]);
  });

  it('fails an HTTP app without a Service', () => {
    const manifests = broken((all) => remove(all, 'Service/shiplink-ingress'));
    expect(httpAppsExposed(manifests)).toEqual([
      'Deployment/shiplink-ingress: 0 Services on its http port, not one',
    ]);
  });
});
