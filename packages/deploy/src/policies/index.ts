import type { Manifest } from '../manifests';
import { envSatisfiesTheApps } from './env';
import { httpAppsExposed, opsPortsScraped } from './exposure';
import { migrationJob } from './migrations';
import { disruptionBudgets, httpAppsAutoscale, workersScaleOnTheirQueues } from './scaling';
import { secretsByReference } from './secrets';
import {
  appsRunAsTheirImages,
  graceOutlastsTheDrain,
  locked,
  probesOnTheOpsPort,
  resourcesBounded,
} from './workloads';

/** A rule every rendered overlay keeps; it answers what breaks it, one line each. */
export type Policy = (manifests: Manifest[]) => string[];

export const POLICIES: Record<string, Policy> = {
  'each app runs its own tagged image as the image runs it': appsRunAsTheirImages,
  'probes: liveness /livez, readiness and startup /readyz, on the ops port': probesOnTheOpsPort,
  'the termination grace outlasts preStop plus SHUTDOWN_GRACE_MS': graceOutlastsTheDrain,
  'every container has CPU and memory requests and limits': resourcesBounded,
  'every container is locked down': locked,
  'secrets only by reference to the operator’s Secret': secretsByReference,
  'every app gets the variables its env.ts requires, parseable': envSatisfiesTheApps,
  'each worker scales on its own queue’s backlog': workersScaleOnTheirQueues,
  'the HTTP apps have an autoscaling/v2 HPA': httpAppsAutoscale,
  'every app has one PodDisruptionBudget': disruptionBudgets,
  'every app’s ops port is scraped': opsPortsScraped,
  'the HTTP apps have Services and Ingress hosts of their own': httpAppsExposed,
  'one migration Job on the ingress image': migrationJob,
};

export * from './env';
export * from './exposure';
export * from './migrations';
export * from './scaling';
export * from './secrets';
export * from './workloads';
