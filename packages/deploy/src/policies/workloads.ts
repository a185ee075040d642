import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import {
  DEFAULT_OPS_PORT,
  DEFAULT_SHUTDOWN_GRACE_MS,
  DEPLOYED_APPS,
  HTTP_APPS,
  imageRepository,
} from '../apps';
import {
  APP_LABEL,
  appOf,
  containerId,
  deploymentsOf,
  envValue,
  ofKind,
  parseImage,
  quantity,
  resolveEnv,
  selects,
  workloads,
} from '../inventory';
import { idOf, type Manifest } from '../manifests';

/** Each app: one Deployment running its own tagged image as the image runs it. */
export function appsRunAsTheirImages(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const known = new Set(DEPLOYED_APPS.map((app) => app.name));
  for (const deployment of ofKind<IDeployment>(manifests, 'Deployment')) {
    if (!known.has(appOf(deployment) ?? '')) {
      problems.push(`${idOf(deployment)}: ${APP_LABEL}=${appOf(deployment)} is no deployed app`);
    }
  }
  for (const app of DEPLOYED_APPS) {
    const found = deploymentsOf(manifests, app.name);
    if (found.length !== 1) {
      problems.push(`${app.name}: ${found.length} Deployments, not one`);
      continue;
    }
    const deployment = found[0]!;
    const template = deployment.spec?.template;
    if (!template || !selects(deployment.spec?.selector.matchLabels, template)) {
      problems.push(`${idOf(deployment)}: its selector does not match its pod template`);
    }
    const containers = template?.spec?.containers ?? [];
    if (containers.length !== 1) {
      problems.push(`${idOf(deployment)}: ${containers.length} containers, not one`);
      continue;
    }
    const container = containers[0]!;
    const image = parseImage(container.image ?? '');
    if (image.repository !== imageRepository(app.name)) {
      problems.push(
        `${idOf(deployment)}: image ${container.image}, not ${imageRepository(app.name)}`,
      );
    }
    if (!image.digest && (!image.tag || image.tag === 'latest')) {
      problems.push(`${idOf(deployment)}: image ${container.image} has no release tag`);
    }
    const argv = [...(container.command ?? []), ...(container.args ?? [])];
    if (argv.join(' ') !== 'node dist/main.js' || container.workingDir !== '/app') {
      problems.push(
        `${idOf(deployment)}: runs "${argv.join(' ')}" in ${container.workingDir}, not "node dist/main.js" in /app`,
      );
    }
  }
  return problems;
}

const opsPortOf = (manifests: Manifest[], container: Parameters<typeof resolveEnv>[1]) =>
  Number(envValue(resolveEnv(manifests, container), 'OPS_PORT') ?? DEFAULT_OPS_PORT);

function probeProblem(
  probe: IProbe | undefined,
  path: string,
  opsPort: number,
): string | undefined {
  if (!probe) return 'missing';
  const get = probe.httpGet;
  if (!get) return 'not an HTTP GET';
  if (get.path !== path) return `on ${get.path}, not ${path}`;
  if (get.port !== 'ops' && get.port !== opsPort) return `on port ${get.port}, not the ops port`;
  return undefined;
}

/**
 * Liveness on /livez (never /readyz: a PostgreSQL or Redis outage would restart every pod),
 * readiness and startup on /readyz, all on the ops port the container declares.
 */
export function probesOnTheOpsPort(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const workload of workloads(manifests)) {
    if (workload.manifest.kind !== 'Deployment') continue;
    for (const container of workload.pod.containers) {
      const id = containerId(workload, container);
      const opsPort = opsPortOf(manifests, container);
      const declared = container.ports?.find((port) => port.name === 'ops');
      if (declared?.containerPort !== opsPort) {
        problems.push(`${id}: no container port named ops on ${opsPort}`);
      }
      if (container.livenessProbe?.httpGet?.path === '/readyz') {
        problems.push(`${id}: liveness on /readyz restarts pods when PostgreSQL or Redis is down`);
      }
      const probes = [
        ['liveness', container.livenessProbe, '/livez'],
        ['readiness', container.readinessProbe, '/readyz'],
        ['startup', container.startupProbe, '/readyz'],
      ] as const;
      for (const [name, probe, path] of probes) {
        const problem = probeProblem(probe, path, opsPort);
        if (problem) problems.push(`${id}: ${name} probe ${problem}`);
      }
    }
  }
  return problems;
}

/**
 * The pod's grace outlasts the preStop sleep plus the drain (SHUTDOWN_GRACE_MS), so SIGKILL never
 * cuts a job or a request short; HTTP apps sleep before SIGTERM so endpoints are gone first.
 */
export function graceOutlastsTheDrain(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const httpApps = new Set(HTTP_APPS.map((app) => app.name));
  for (const workload of workloads(manifests)) {
    if (workload.manifest.kind !== 'Deployment') continue;
    // Kubernetes' default when the field is unset.
    const grace = workload.pod.terminationGracePeriodSeconds ?? 30;
    for (const container of workload.pod.containers) {
      const id = containerId(workload, container);
      const preStop = container.lifecycle?.preStop;
      if (preStop && !preStop.sleep) {
        problems.push(`${id}: preStop is not a sleep action, so its length cannot be checked`);
      }
      const sleep = preStop?.sleep?.seconds ?? 0;
      if (httpApps.has(appOf(workload.manifest) ?? '') && sleep <= 0) {
        problems.push(`${id}: an HTTP app needs a preStop sleep so endpoints drop before SIGTERM`);
      }
      const env = resolveEnv(manifests, container);
      const drainMs = Number(envValue(env, 'SHUTDOWN_GRACE_MS') ?? DEFAULT_SHUTDOWN_GRACE_MS);
      if (!(grace > sleep + drainMs / 1000)) {
        problems.push(
          `${id}: terminationGracePeriodSeconds ${grace} is not above preStop ${sleep} s + SHUTDOWN_GRACE_MS ${drainMs / 1000} s`,
        );
      }
    }
  }
  return problems;
}

/** CPU and memory requested and limited for every container, requests within the limits. */
export function resourcesBounded(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const workload of workloads(manifests)) {
    for (const container of workload.containers) {
      const { requests = {}, limits = {} } = container.resources ?? {};
      for (const resource of ['cpu', 'memory']) {
        const request = quantity(requests[resource]);
        const limit = quantity(limits[resource]);
        const id = containerId(workload, container);
        if (request === undefined) problems.push(`${id}: no ${resource} request`);
        if (limit === undefined) problems.push(`${id}: no ${resource} limit`);
        if (request !== undefined && limit !== undefined && request > limit) {
          problems.push(`${id}: ${resource} request above its limit`);
        }
      }
    }
  }
  return problems;
}

/**
 * Non-root uid 1000, no privilege escalation, a read-only root with an emptyDir at /tmp, every
 * capability dropped and the runtime's seccomp profile, for every container.
 */
export function locked(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const workload of workloads(manifests)) {
    const pod = workload.pod.securityContext ?? {};
    const emptyDirs = new Set(
      (workload.pod.volumes ?? []).filter((v) => v.emptyDir).map((volume) => volume.name),
    );
    for (const container of workload.containers) {
      const id = containerId(workload, container);
      const own = container.securityContext ?? {};
      const add = (problem: string) => problems.push(`${id}: ${problem}`);
      if ((own.runAsNonRoot ?? pod.runAsNonRoot) !== true) add('runAsNonRoot is not true');
      if ((own.runAsUser ?? pod.runAsUser) !== 1000) add('runAsUser is not 1000');
      if ((own.seccompProfile ?? pod.seccompProfile)?.type !== 'RuntimeDefault') {
        add('seccompProfile is not RuntimeDefault');
      }
      if (own.allowPrivilegeEscalation !== false) add('allowPrivilegeEscalation is not false');
      if (own.privileged === true) add('privileged');
      if (own.readOnlyRootFilesystem !== true) add('readOnlyRootFilesystem is not true');
      if (!own.capabilities?.drop?.includes('ALL')) add('capabilities do not drop ALL');
      if (own.capabilities?.add?.length)
        add(`adds capabilities ${own.capabilities.add.join(', ')}`);
      const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
      if (!tmp || !emptyDirs.has(tmp.name)) add('no emptyDir mounted at /tmp');
    }
  }
  return problems;
}
