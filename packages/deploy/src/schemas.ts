import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { idOf, type Manifest } from './manifests';

interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: never): { validate(): void };
  prototype: { validate(): void };
}

/** The kinds the manifests may use; anything else has no schema here and fails. */
const MODELS: ModelClass[] = [
  ConfigMap,
  Service,
  Deployment,
  Job,
  Ingress,
  HorizontalPodAutoscaler,
  PodDisruptionBudget,
  ScaledObject,
];

const modelOf = (manifest: Manifest) =>
  MODELS.find((model) => model.apiVersion === manifest.apiVersion && model.kind === manifest.kind);

/** Type, enum, format and required-field errors, by the Kubernetes (or KEDA) schema. */
export function schemaErrors(manifest: Manifest): string[] {
  const model = modelOf(manifest);
  if (!model) return [`${idOf(manifest)}: no schema for ${manifest.apiVersion} ${manifest.kind}`];
  try {
    new model(manifest as never).validate();
    return [];
  } catch (error) {
    return [`${idOf(manifest)}: ${error instanceof Error ? error.message : String(error)}`];
  }
}

interface Visit {
  read: Set<string>;
  /** The schema walked every key (a map such as labels, or additionalProperties). */
  enumerated: boolean;
}

/**
 * Fields the schema does not declare, as paths (`spec.template.spec.containers[0].imagePullPolicyy`).
 * The models' validators accept unknown fields, but they read exactly the properties the schema
 * declares: the object is validated through a proxy that records what was read, and any key of
 * a (non-map) object the validator never looked at is one the API server would reject or drop.
 */
export function unknownFields(manifest: Manifest): string[] {
  const model = modelOf(manifest);
  if (!model) return [];
  const visits = new Map<object, Visit>();
  const proxies = new WeakMap<object, object>();
  const watch = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = proxies.get(value);
    if (known) return known;
    const visit: Visit = { read: new Set(), enumerated: false };
    visits.set(value, visit);
    const proxy = new Proxy(value, {
      get(target, key) {
        if (typeof key === 'string') visit.read.add(key);
        return watch(Reflect.get(target, key));
      },
      has(target, key) {
        if (typeof key === 'string') visit.read.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        visit.enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  try {
    model.prototype.validate.call(watch(manifest));
  } catch {
    // Type errors are schemaErrors' to report; only the fields read matter here.
  }
  const unknown: string[] = [];
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${at}[${index}]`));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const visit = visits.get(value);
    // Not reached by the validator: a type error above it, which schemaErrors reports.
    if (!visit) return;
    for (const [key, child] of Object.entries(value)) {
      const path = at ? `${at}.${key}` : key;
      if (visit.enumerated || visit.read.has(key)) walk(child, path);
      else unknown.push(path);
    }
  };
  walk(manifest, '');
  return unknown.map((path) => `${idOf(manifest)}: unknown field ${path}`);
}
