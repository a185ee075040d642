import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { queuePrefix } from '@shiplink/jobs';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { DEPLOYED_APPS, HTTP_APPS, WORKER_APPS } from '../apps';
import { deploymentsOf, envValue, ofKind, resolveEnv, selects } from '../inventory';
import { idOf, type Manifest } from '../manifests';

/** The gauge the ingress exports for every queue (labels queue, prefix, state). */
const QUEUE_METRIC = 'shiplink_queue_jobs';
/** Jobs a worker can take now: waiting ones and those with a priority (a set of their own). */
const BACKLOG_STATES = ['prioritized', 'waiting'];

interface Matcher {
  op: string;
  value: string;
}

/** The label matchers of each `shiplink_queue_jobs{…}` selector in a PromQL query. */
export function queueSelectors(query: string): Map<string, Matcher>[] {
  const selectors: Map<string, Matcher>[] = [];
  const matcher = /\s*([a-zA-Z_]\w*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(,|\})/y;
  let at = query.indexOf(`${QUEUE_METRIC}{`);
  while (at >= 0) {
    const labels = new Map<string, Matcher>();
    matcher.lastIndex = at + QUEUE_METRIC.length + 1;
    for (let match = matcher.exec(query); match; match = matcher.exec(query)) {
      labels.set(match[1]!, { op: match[2]!, value: match[3]! });
      if (match[4] === '}') break;
    }
    selectors.push(labels);
    at = query.indexOf(`${QUEUE_METRIC}{`, matcher.lastIndex);
  }
  return selectors;
}

function queryProblems(query: string, queue: string, prefix: string): string[] {
  const selectors = queueSelectors(query);
  if (selectors.length !== 1) return [`query names ${QUEUE_METRIC} ${selectors.length} times`];
  const labels = selectors[0]!;
  const problems: string[] = [];
  const queueLabel = labels.get('queue');
  if (queueLabel?.op !== '=' || queueLabel.value !== queue) {
    problems.push(`query's queue is not "${queue}"`);
  }
  const prefixLabel = labels.get('prefix');
  if (prefixLabel?.op !== '=' || prefixLabel.value !== prefix) {
    problems.push(`query's prefix is not "${prefix}"`);
  }
  const state = labels.get('state');
  const states = state?.op === '=~' ? state.value.split('|').sort() : [];
  if (states.join('|') !== BACKLOG_STATES.join('|')) {
    problems.push(`query's states are not ${BACKLOG_STATES.join(' and ')}`);
  }
  // Each ingress replica exports the same gauge: max per state, or replicas add up.
  if (!/\bmax\s+by\s*\(\s*state\s*\)/.test(query)) {
    problems.push('query does not take the max by state');
  }
  return problems;
}

/**
 * Each worker: exactly one ScaledObject on its Deployment, never below one replica, scaling on
 * its own queue's backlog with the prefix the apps use (queuePrefix of the ConfigMap's
 * QUEUE_PREFIX, hash tag included); and no HPA of its own beside KEDA's.
 */
export function workersScaleOnTheirQueues(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const scaledObjects = ofKind<IScaledObject>(manifests, 'ScaledObject');
  const hpas = ofKind<IHorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler');
  for (const app of WORKER_APPS) {
    for (const deployment of deploymentsOf(manifests, app.name)) {
      const name = deployment.metadata.name;
      const id = idOf(deployment);
      if (deployment.spec?.replicas !== undefined) {
        problems.push(`${id}: sets replicas, which every apply would reset under KEDA`);
      }
      if (hpas.some((hpa) => hpa.spec?.scaleTargetRef.name === name)) {
        problems.push(`${id}: has an HPA of its own beside KEDA's`);
      }
      const mine = scaledObjects.filter(
        (so) =>
          so.spec.scaleTargetRef.name === name &&
          (so.spec.scaleTargetRef.kind ?? 'Deployment') === 'Deployment',
      );
      if (mine.length !== 1) {
        problems.push(`${id}: ${mine.length} ScaledObjects, not one`);
        continue;
      }
      const scaled = mine[0]!;
      const soId = idOf(scaled);
      if ((scaled.spec.minReplicaCount ?? 0) < 1) {
        problems.push(`${soId}: minReplicaCount below 1 (delayed jobs need a running worker)`);
      }
      if ((scaled.spec.maxReplicaCount ?? 100) < (scaled.spec.minReplicaCount ?? 0)) {
        problems.push(`${soId}: maxReplicaCount below minReplicaCount`);
      }
      const container = deployment.spec?.template.spec?.containers[0];
      const basePrefix = container && envValue(resolveEnv(manifests, container), 'QUEUE_PREFIX');
      if (!basePrefix) {
        problems.push(`${id}: QUEUE_PREFIX is not set from a ConfigMap`);
        continue;
      }
      const triggers = scaled.spec.triggers;
      if (triggers.length !== 1 || triggers[0]!.type !== 'prometheus') {
        problems.push(`${soId}: not one prometheus trigger`);
        continue;
      }
      const metadata = triggers[0]!.metadata;
      for (const field of ['serverAddress', 'threshold', 'query']) {
        if (!metadata[field]) problems.push(`${soId}: trigger has no ${field}`);
      }
      const prefix = queuePrefix(basePrefix, app.queue!);
      for (const problem of queryProblems(metadata.query ?? '', app.queue!, prefix)) {
        problems.push(`${soId}: ${problem}`);
      }
    }
  }
  return problems;
}

/** The HTTP apps scale on CPU with an autoscaling/v2 HPA that owns their replica count. */
export function httpAppsAutoscale(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const hpas = ofKind<IHorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler');
  for (const app of HTTP_APPS) {
    for (const deployment of deploymentsOf(manifests, app.name)) {
      const id = idOf(deployment);
      if (deployment.spec?.replicas !== undefined) {
        problems.push(`${id}: sets replicas, which every apply would reset under the HPA`);
      }
      const mine = hpas.filter(
        (hpa) =>
          hpa.apiVersion === 'autoscaling/v2' &&
          hpa.spec?.scaleTargetRef.kind === 'Deployment' &&
          hpa.spec.scaleTargetRef.name === deployment.metadata.name,
      );
      if (mine.length !== 1) {
        problems.push(`${id}: ${mine.length} autoscaling/v2 HPAs, not one`);
        continue;
      }
      const spec = mine[0]!.spec!;
      if ((spec.minReplicas ?? 1) < 1 || spec.maxReplicas < (spec.minReplicas ?? 1)) {
        problems.push(`${idOf(mine[0]!)}: replica bounds ${spec.minReplicas}..${spec.maxReplicas}`);
      }
      if (!spec.metrics?.length) problems.push(`${idOf(mine[0]!)}: no metrics`);
    }
  }
  return problems;
}

/** Every app's pods are covered by exactly one PodDisruptionBudget (two would block evictions). */
export function disruptionBudgets(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const budgets = ofKind<IPodDisruptionBudget>(manifests, 'PodDisruptionBudget');
  for (const app of DEPLOYED_APPS) {
    for (const deployment of deploymentsOf(manifests, app.name)) {
      const template = deployment.spec?.template;
      const mine = budgets.filter(
        (pdb) => template && selects(pdb.spec?.selector?.matchLabels, template),
      );
      if (mine.length !== 1) {
        problems.push(`${idOf(deployment)}: ${mine.length} PodDisruptionBudgets, not one`);
      }
    }
  }
  return problems;
}
