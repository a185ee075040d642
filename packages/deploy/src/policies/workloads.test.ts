import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { ofKind } from '../inventory';
import type { Manifest } from '../manifests';
import { broken, object, remove } from '../test/fixtures';
import {
  appsRunAsTheirImages,
  graceOutlastsTheDrain,
  locked,
  probesOnTheOpsPort,
  resourcesBounded,
} from './workloads';

const containerOf = (manifests: Manifest[], id: string): IContainer =>
  object<IDeployment>(manifests, id).spec!.template.spec!.containers[0]!;

describe('appsRunAsTheirImages', () => {
  it('fails an untagged or foreign image', () => {
    const manifests = broken((all) => {
      containerOf(all, 'Deployment/shiplink-worker-orders').image = 'shiplink/worker-orders';
      containerOf(all, 'Deployment/shiplink-worker-returns').image = 'shiplink/worker-orders:0.1.0';
    });
    expect(appsRunAsTheirImages(manifests)).toEqual([
      'Deployment/shiplink-worker-orders: image shiplink/worker-orders has no release tag',
      'Deployment/shiplink-worker-returns: image shiplink/worker-orders:0.1.0, not shiplink/worker-returns',
    ]);
  });

  it('fails another command, and a missing app', () => {
    const manifests = broken((all) => {
      containerOf(all, 'Deployment/shiplink-ingress').command = ['node', 'src/main.ts'];
      remove(all, 'Deployment/shiplink-worker-tracking');
    });
    expect(appsRunAsTheirImages(manifests)).toEqual([
      'Deployment/shiplink-ingress: runs "node src/main.ts" in /app, not "node dist/main.js" in /app',
      'worker-tracking: 0 Deployments, not one',
    ]);
  });
});

describe('probesOnTheOpsPort', () => {
  it('fails liveness on /readyz and a missing startup probe', () => {
    const manifests = broken((all) => {
      const container = containerOf(all, 'Deployment/shiplink-worker-orders');
      container.livenessProbe!.httpGet!.path = '/readyz';
      delete container.startupProbe;
    });
    const id = 'Deployment/shiplink-worker-orders container worker';
    expect(probesOnTheOpsPort(manifests)).toEqual([
      `${id}: liveness on /readyz restarts pods when PostgreSQL or Redis is down`,
      `${id}: liveness probe on /readyz, not /livez`,
      `${id}: startup probe missing`,
    ]);
  });

  it('fails a probe on the main port', () => {
    const manifests = broken((all) => {
      containerOf(all, 'Deployment/shiplink-ingress').readinessProbe!.httpGet!.port = 'http';
    });
    expect(probesOnTheOpsPort(manifests)).toEqual([
      'Deployment/shiplink-ingress container ingress: readiness probe on port http, not the ops port',
    ]);
  });
});

describe('graceOutlastsTheDrain', () => {
  it('fails a grace equal to preStop plus the drain', () => {
    const manifests = broken((all) => {
      object<IDeployment>(
        all,
        'Deployment/shiplink-ingress',
      ).spec!.template.spec!.terminationGracePeriodSeconds = 30;
    });
    expect(graceOutlastsTheDrain(manifests)).toEqual([
      'Deployment/shiplink-ingress container ingress: terminationGracePeriodSeconds 30 is not above preStop 5 s + SHUTDOWN_GRACE_MS 25 s',
    ]);
  });

  it('reads SHUTDOWN_GRACE_MS from the ConfigMap', () => {
    const manifests = broken((all) => {
      ofKind<IConfigMap>(all, 'ConfigMap')[0]!.data!.SHUTDOWN_GRACE_MS = '60000';
    });
    expect(graceOutlastsTheDrain(manifests)).toHaveLength(8);
  });

  it('fails an HTTP app without a preStop sleep, and a preStop it cannot measure', () => {
    const manifests = broken((all) => {
      delete containerOf(all, 'Deployment/shiplink-tracking-page').lifecycle;
      containerOf(all, 'Deployment/shiplink-ingress').lifecycle = {
        preStop: { exec: { command: ['node', '-e', 'setTimeout(() => {}, 5000)'] } },
      };
    });
    expect(graceOutlastsTheDrain(manifests)).toEqual([
      'Deployment/shiplink-ingress container ingress: preStop is not a sleep action, so its length cannot be checked',
      'Deployment/shiplink-ingress container ingress: an HTTP app needs a preStop sleep so endpoints drop before SIGTERM',
      'Deployment/shiplink-tracking-page container tracking-page: an HTTP app needs a preStop sleep so endpoints drop before SIGTERM',
    ]);
  });
});

describe('resourcesBounded', () => {
  it('fails a missing limit and a request above its limit', () => {
    const manifests = broken((all) => {
      delete containerOf(all, 'Deployment/shiplink-worker-returns').resources!.limits;
      const job = object<IJob>(all, 'Job/shiplink-migrate').spec!.template.spec!.containers[0]!;
      job.resources!.requests!.memory = '1Gi';
    });
    expect(resourcesBounded(manifests)).toEqual([
      'Deployment/shiplink-worker-returns container worker: no cpu limit',
      'Deployment/shiplink-worker-returns container worker: no memory limit',
      'Job/shiplink-migrate container migrate: memory request above its limit',
    ]);
  });
});

describe('locked', () => {
  it('fails a writable root, escalation, root and a missing /tmp', () => {
    const manifests = broken((all) => {
      const container = containerOf(all, 'Deployment/shiplink-worker-inventory');
      container.securityContext!.readOnlyRootFilesystem = false;
      container.securityContext!.allowPrivilegeEscalation = true;
      container.securityContext!.runAsUser = 0;
      container.volumeMounts = [];
    });
    const id = 'Deployment/shiplink-worker-inventory container worker';
    expect(locked(manifests)).toEqual([
      `${id}: runAsUser is not 1000`,
      `${id}: allowPrivilegeEscalation is not false`,
      `${id}: readOnlyRootFilesystem is not true`,
      `${id}: no emptyDir mounted at /tmp`,
    ]);
  });

  it('fails kept capabilities and no seccomp profile, on the Job too', () => {
    const manifests = broken((all) => {
      const pod = object<IJob>(all, 'Job/shiplink-migrate').spec!.template.spec!;
      delete pod.securityContext!.seccompProfile;
      delete pod.containers[0]!.securityContext!.seccompProfile;
      pod.containers[0]!.securityContext!.capabilities = { drop: ['NET_RAW'] };
    });
    const id = 'Job/shiplink-migrate container migrate';
    expect(locked(manifests)).toEqual([
      `${id}: seccompProfile is not RuntimeDefault`,
      `${id}: capabilities do not drop ALL`,
    ]);
  });
});
