import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { ofKind } from '../inventory';
import { broken, object } from '../test/fixtures';
import { envSatisfiesTheApps } from './env';

describe('envSatisfiesTheApps', () => {
  it('fails a variable an app requires that is not set', () => {
    const manifests = broken((all) => {
      const container = object<IDeployment>(all, 'Deployment/shiplink-ingress').spec!.template.spec!
        .containers[0]!;
      container.env = container.env!.filter((entry) => entry.name !== 'ADMIN_TOKEN');
      delete ofKind<IConfigMap>(all, 'ConfigMap')[0]!.data!.TRACKING_PAGE_URL;
    });
    expect(envSatisfiesTheApps(manifests)).toEqual([
      "Deployment/shiplink-ingress container ingress: ADMIN_TOKEN is required by ingress's env but not set",
      "Deployment/shiplink-worker-notifications container worker: TRACKING_PAGE_URL is required by worker-notifications's env but not set",
    ]);
  });

  it('fails a value the app would refuse at boot', () => {
    const manifests = broken((all) => {
      ofKind<IConfigMap>(all, 'ConfigMap')[0]!.data!.LOG_LEVEL = 'verbose';
    });
    const problems = envSatisfiesTheApps(manifests);
    expect(problems).toHaveLength(8);
    expect(problems[0]).toBe(
      "Deployment/shiplink-ingress container ingress: LOG_LEVEL=verbose does not parse as ingress's env",
    );
  });

  it('fails a ConfigMap the overlay does not have', () => {
    const manifests = broken((all) => {
      const container = object<IDeployment>(all, 'Deployment/shiplink-tracking-page').spec!.template
        .spec!.containers[0]!;
      container.envFrom = [{ configMapRef: { name: 'shiplink-config' } }];
    });
    expect(envSatisfiesTheApps(manifests)).toContain(
      'Deployment/shiplink-tracking-page container tracking-page: no ConfigMap shiplink-config',
    );
  });
});
