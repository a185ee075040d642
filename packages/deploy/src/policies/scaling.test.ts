import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { ofKind } from '../inventory';
import type { Manifest } from '../manifests';
import { broken, object, remove } from '../test/fixtures';
import {
  disruptionBudgets,
  httpAppsAutoscale,
  queueSelectors,
  workersScaleOnTheirQueues,
} from './scaling';

const ORDERS = 'ScaledObject/shiplink-worker-orders';

const queryOf = (manifests: Manifest[], id: string) =>
  object<IScaledObject>(manifests, id).spec.triggers[0]!.metadata;

describe('queueSelectors', () => {
  it('reads matchers whose values hold braces (the hash tag)', () => {
    const query =
      'sum(max by (state) (shiplink_queue_jobs{prefix="shiplink:{orders}",queue="orders",state=~"waiting|prioritized"}))';
    expect(queueSelectors(query)).toEqual([
      new Map([
        ['prefix', { op: '=', value: 'shiplink:{orders}' }],
        ['queue', { op: '=', value: 'orders' }],
        ['state', { op: '=~', value: 'waiting|prioritized' }],
      ]),
    ]);
  });
});

describe('workersScaleOnTheirQueues', () => {
  it('fails a query on a renamed queue, or a prefix without its hash tag', () => {
    const manifests = broken((all) => {
      const orders = queryOf(all, ORDERS);
      orders.query = orders.query!.replace('queue="orders"', 'queue="order"');
      const returns = queryOf(all, 'ScaledObject/shiplink-worker-returns');
      returns.query = returns.query!.replace('shiplink:{returns}', 'shiplink:returns');
    });
    expect(workersScaleOnTheirQueues(manifests)).toEqual([
      `${ORDERS}: query's queue is not "orders"`,
      `ScaledObject/shiplink-worker-returns: query's prefix is not "shiplink:{returns}"`,
    ]);
  });

  it("follows the ConfigMap's QUEUE_PREFIX", () => {
    const manifests = broken((all) => {
      ofKind<IConfigMap>(all, 'ConfigMap')[0]!.data!.QUEUE_PREFIX = 'hub';
    });
    const problems = workersScaleOnTheirQueues(manifests);
    expect(problems).toHaveLength(6);
    expect(problems).toContain(`${ORDERS}: query's prefix is not "hub:{orders}"`);
  });

  it('fails a query counting only waiting jobs, or summing the ingress replicas', () => {
    const manifests = broken((all) => {
      const orders = queryOf(all, ORDERS);
      orders.query = orders.query!.replace('waiting|prioritized', 'waiting');
      const tracking = queryOf(all, 'ScaledObject/shiplink-worker-tracking');
      tracking.query = tracking.query!.replace('max by (state) ', '');
    });
    expect(workersScaleOnTheirQueues(manifests)).toEqual([
      `${ORDERS}: query's states are not prioritized and waiting`,
      'ScaledObject/shiplink-worker-tracking: query does not take the max by state',
    ]);
  });

  it('fails scaling to zero, a missing or doubled ScaledObject, and a worker HPA', () => {
    const manifests = broken((all) => {
      object<IScaledObject>(all, ORDERS).spec.minReplicaCount = 0;
      remove(all, 'ScaledObject/shiplink-worker-inventory');
      all.push(structuredClone(object(all, 'ScaledObject/shiplink-worker-returns')));
      const hpa = structuredClone(
        object<IHorizontalPodAutoscaler>(all, 'HorizontalPodAutoscaler/shiplink-ingress'),
      );
      hpa.spec!.scaleTargetRef.name = 'shiplink-worker-shipments';
      all.push(hpa);
    });
    expect(workersScaleOnTheirQueues(manifests)).toEqual([
      `${ORDERS}: minReplicaCount below 1 (delayed jobs need a running worker)`,
      "Deployment/shiplink-worker-shipments: has an HPA of its own beside KEDA's",
      'Deployment/shiplink-worker-inventory: 0 ScaledObjects, not one',
      'Deployment/shiplink-worker-returns: 2 ScaledObjects, not one',
    ]);
  });

  it('fails a worker Deployment that sets replicas', () => {
    const manifests = broken((all) => {
      object<IDeployment>(all, 'Deployment/shiplink-worker-orders').spec!.replicas = 3;
    });
    expect(workersScaleOnTheirQueues(manifests)).toEqual([
      'Deployment/shiplink-worker-orders: sets replicas, which every apply would reset under KEDA',
    ]);
  });
});

describe('httpAppsAutoscale', () => {
  it('fails an HTTP app without an HPA, or with an autoscaling/v1 one', () => {
    const manifests = broken((all) => {
      remove(all, 'HorizontalPodAutoscaler/shiplink-tracking-page');
      object(all, 'HorizontalPodAutoscaler/shiplink-ingress').apiVersion = 'autoscaling/v1';
    });
    expect(httpAppsAutoscale(manifests)).toEqual([
      'Deployment/shiplink-ingress: 0 autoscaling/v2 HPAs, not one',
      'Deployment/shiplink-tracking-page: 0 autoscaling/v2 HPAs, not one',
    ]);
  });

  it('fails inverted replica bounds', () => {
    const manifests = broken((all) => {
      const hpa = object<IHorizontalPodAutoscaler>(all, 'HorizontalPodAutoscaler/shiplink-ingress');
      hpa.spec!.minReplicas = 4;
      hpa.spec!.maxReplicas = 2;
    });
    expect(httpAppsAutoscale(manifests)).toEqual([
      'HorizontalPodAutoscaler/shiplink-ingress: replica bounds 4..2',
    ]);
  });
});

describe('disruptionBudgets', () => {
  it('fails an app without a PodDisruptionBudget', () => {
    const manifests = broken((all) => {
      remove(all, 'PodDisruptionBudget/shiplink-tracking-page');
      remove(all, 'PodDisruptionBudget/shiplink-worker-orders');
    });
    expect(disruptionBudgets(manifests)).toEqual([
      'Deployment/shiplink-tracking-page: 0 PodDisruptionBudgets, not one',
      'Deployment/shiplink-worker-orders: 0 PodDisruptionBudgets, not one',
    ]);
  });
});
