import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { readRendered } from './manifests';
import { schemaErrors, unknownFields } from './schemas';
import { broken, object, OVERLAYS } from './test/fixtures';

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  const manifests = readRendered(overlay);

  it('validates every object against its Kubernetes or KEDA schema', () => {
    expect(manifests.flatMap(schemaErrors)).toEqual([]);
  });

  it('has no field its schema does not declare', () => {
    expect(manifests.flatMap(unknownFields)).toEqual([]);
  });
});

describe('schema validation', () => {
  it('fails a wrong type', () => {
    const [deployment] = broken((manifests) => {
      object<IDeployment>(manifests, 'Deployment/shiplink-ingress').spec!.replicas = 'two' as never;
    }).filter((m) => m.metadata.name === 'shiplink-ingress' && m.kind === 'Deployment');
    expect(schemaErrors(deployment!)).toEqual([
      expect.stringMatching(/^Deployment\/shiplink-ingress: .*replicas must be integer/),
    ]);
  });

  it('fails a kind it has no schema for', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } };
    expect(schemaErrors(secret)).toEqual(['Secret/x: no schema for v1 Secret']);
  });
});

describe('unknown fields', () => {
  it('catches a misspelt container field', () => {
    const manifests = broken((all) => {
      const deployment = object<IDeployment>(all, 'Deployment/shiplink-ingress');
      Object.assign(deployment.spec!.template.spec!.containers[0]!, {
        imagePullPolicyy: 'Always',
      });
    });
    const deployment = object(manifests, 'Deployment/shiplink-ingress');
    expect(schemaErrors(deployment)).toEqual([]);
    expect(unknownFields(deployment)).toEqual([
      'Deployment/shiplink-ingress: unknown field spec.template.spec.containers[0].imagePullPolicyy',
    ]);
  });

  it('catches a misspelt KEDA field, and one at the top', () => {
    const manifests = broken((all) => {
      const scaled = object<IScaledObject>(all, 'ScaledObject/shiplink-worker-orders');
      Object.assign(scaled.spec, { minReplicaCont: 2 });
      Object.assign(scaled, { specs: {} });
    });
    expect(unknownFields(object(manifests, 'ScaledObject/shiplink-worker-orders'))).toEqual([
      'ScaledObject/shiplink-worker-orders: unknown field spec.minReplicaCont',
      'ScaledObject/shiplink-worker-orders: unknown field specs',
    ]);
  });

  it('takes any key of a map (labels, ConfigMap data, trigger metadata)', () => {
    const manifests = broken((all) => {
      const deployment = object<IDeployment>(all, 'Deployment/shiplink-ingress');
      deployment.metadata!.labels!['example.com/anything'] = 'yes';
      const scaled = object<IScaledObject>(all, 'ScaledObject/shiplink-worker-orders');
      scaled.spec.triggers[0]!.metadata.activationThreshold = '5';
    });
    expect(unknownFields(object(manifests, 'Deployment/shiplink-ingress'))).toEqual([]);
    expect(unknownFields(object(manifests, 'ScaledObject/shiplink-worker-orders'))).toEqual([]);
  });
});

describe('the unknown-field check covers every declared field', () => {
  /** Fields whose keys are free: maps of labels, data, quantities, trigger settings. */
  const isMap = (kind: string, path: string[]) => {
    const parent = path.at(-1) ?? '';
    if (['labels', 'annotations', 'data', 'matchLabels', 'limits', 'requests'].includes(parent)) {
      return true;
    }
    if (kind === 'Service' && path.join('.') === 'spec.selector') return true;
    return kind === 'ScaledObject' && parent === 'metadata' && path.includes('triggers');
  };

  it('catches a rename of any field outside a map, in every object', () => {
    const manifests = broken(() => {});
    const missed: string[] = [];
    let renamed = 0;
    for (const manifest of manifests) {
      const visit = (value: unknown, path: string[]): void => {
        if (Array.isArray(value)) {
          value.forEach((item, index) => visit(item, [...path, String(index)]));
          return;
        }
        if (value === null || typeof value !== 'object') return;
        for (const [key, child] of Object.entries(value)) {
          if (!isMap(manifest.kind, path)) {
            const copy = structuredClone(manifest);
            const parent = path.reduce<Record<string, unknown>>(
              (at, step) => at[step] as Record<string, unknown>,
              copy,
            );
            parent[`${key}Typo`] = parent[key];
            delete parent[key];
            renamed++;
            if (unknownFields(copy).length === 0 && schemaErrors(copy).length === 0) {
              missed.push(`${manifest.kind} ${[...path, key].join('.')}`);
            }
          }
          visit(child, [...path, key]);
        }
      };
      visit(manifest, []);
    }
    expect(renamed).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  });
});
