import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { idOf, type Manifest } from './manifests';

/** Lookups over one rendered overlay, shared by the policies. */

export const APP_LABEL = 'app.kubernetes.io/name';
export const COMPONENT_LABEL = 'app.kubernetes.io/component';

export function ofKind<T>(manifests: Manifest[], kind: string): (T & Manifest)[] {
  return manifests.filter((manifest) => manifest.kind === kind) as (T & Manifest)[];
}

export const appOf = (manifest: Manifest) => manifest.metadata.labels?.[APP_LABEL];

export function deploymentsOf(manifests: Manifest[], app: string): (IDeployment & Manifest)[] {
  return ofKind<IDeployment>(manifests, 'Deployment').filter((d) => appOf(d) === app);
}

/** Something that runs pods: a Deployment or a Job. */
export interface Workload {
  manifest: Manifest;
  template: IPodTemplateSpec;
  pod: IPodSpec;
  containers: IContainer[];
}

export function workloads(manifests: Manifest[]): Workload[] {
  const owners = [
    ...ofKind<IDeployment>(manifests, 'Deployment'),
    ...ofKind<IJob>(manifests, 'Job'),
  ];
  return owners.flatMap((manifest) => {
    const template = manifest.spec?.template;
    const pod = template?.spec;
    if (!template || !pod) return [];
    return [
      { manifest, template, pod, containers: [...(pod.initContainers ?? []), ...pod.containers] },
    ];
  });
}

export const containerId = (workload: Workload, container: IContainer) =>
  `${idOf(workload.manifest)} container ${container.name}`;

/** Where one environment variable of a container comes from. */
export type EnvSource =
  | { from: 'value'; value: string; configMap?: string }
  | { from: 'secret'; secret: string; key: string }
  | { from: 'other' };

export interface ResolvedEnv {
  vars: Map<string, EnvSource>;
  /** ConfigMaps the container names that the overlay does not contain. */
  missingConfigMaps: string[];
}

/** The container's variables as the kubelet sets them: envFrom first, then env entries win. */
export function resolveEnv(manifests: Manifest[], container: IContainer): ResolvedEnv {
  const configMaps = ofKind<IConfigMap>(manifests, 'ConfigMap');
  const vars = new Map<string, EnvSource>();
  const missingConfigMaps: string[] = [];
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    if (!name) continue;
    const configMap = configMaps.find((c) => c.metadata.name === name);
    if (!configMap) {
      missingConfigMaps.push(name);
      continue;
    }
    for (const [key, value] of Object.entries(configMap.data ?? {})) {
      vars.set(`${source.prefix ?? ''}${key}`, { from: 'value', value, configMap: name });
    }
  }
  for (const entry of container.env ?? []) {
    const secretRef = entry.valueFrom?.secretKeyRef;
    if (entry.value !== undefined) vars.set(entry.name, { from: 'value', value: entry.value });
    else if (secretRef) {
      vars.set(entry.name, { from: 'secret', secret: secretRef.name ?? '', key: secretRef.key });
    } else vars.set(entry.name, { from: 'other' });
  }
  return { vars, missingConfigMaps };
}

/** A variable's plain value, or undefined when it is unset or not a plain value. */
export function envValue(env: ResolvedEnv, name: string): string | undefined {
  const source = env.vars.get(name);
  return source?.from === 'value' ? source.value : undefined;
}

/** True when every label a selector asks for is on the pod template. */
export function selects(
  selector: Record<string, string> | undefined,
  template: IPodTemplateSpec,
): boolean {
  const labels = template.metadata?.labels ?? {};
  const wanted = Object.entries(selector ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => labels[key] === value);
}

/** `repo[:tag][@digest]`: the tag is after the last colon that follows the last slash. */
export function parseImage(image: string): { repository: string; tag?: string; digest?: string } {
  const [name = '', digest] = image.split('@');
  const colon = name.lastIndexOf(':');
  const hasTag = colon > name.lastIndexOf('/');
  return {
    repository: hasTag ? name.slice(0, colon) : name,
    ...(hasTag ? { tag: name.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

const QUANTITY = /^(\d+(?:\.\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/;
const SCALE: Record<string, number> = {
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** A resource quantity (`250m`, `512Mi`, `1`) as a number, or undefined when not one of those. */
export function quantity(value: string | number | undefined): number | undefined {
  if (typeof value === 'number') return value;
  const match = QUANTITY.exec(value ?? '');
  if (!match) return undefined;
  return Number(match[1]) * (match[2] ? SCALE[match[2]]! : 1);
}
