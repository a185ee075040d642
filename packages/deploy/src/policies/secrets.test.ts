import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { ofKind } from '../inventory';
import { broken, object } from '../test/fixtures';
import { secretsByReference } from './secrets';

const INGRESS = 'Deployment/shiplink-ingress';

describe('secretsByReference', () => {
  it('fails a secret value inline', () => {
    const manifests = broken((all) => {
      const env = object<IDeployment>(all, INGRESS).spec!.template.spec!.containers[0]!.env!;
      const token = env.find((entry) => entry.name === 'ADMIN_TOKEN')!;
      delete token.valueFrom;
      token.value = 'a-very-long-admin-token';
    });
    expect(secretsByReference(manifests)).toEqual([
      `${INGRESS} container ingress: ADMIN_TOKEN looks secret but is not a secretKeyRef`,
    ]);
  });

  it('fails a Secret object, and credentials in a ConfigMap', () => {
    const manifests = broken((all) => {
      all.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'shiplink-secrets' },
        stringData: { ADMIN_TOKEN: 'a-very-long-admin-token' },
      });
      const data = ofKind<IConfigMap>(all, 'ConfigMap')[0]!.data!;
      data.ADMIN_TOKEN = 'hunter2hunter2';
      data.PUBLIC_URL = 'https://user:pass@hooks.example.com';
    });
    const configMap = `ConfigMap/${ofKind(manifests, 'ConfigMap')[0]!.metadata.name}`;
    expect(secretsByReference(manifests)).toEqual([
      'Secret/shiplink-secrets: secrets are created by the operator, never rendered',
      `${configMap}: PUBLIC_URL has a password`,
      `${configMap}: ADMIN_TOKEN looks secret`,
    ]);
  });

  it('fails a reference to another Secret or an undocumented key', () => {
    const manifests = broken((all) => {
      const env = object<IDeployment>(all, INGRESS).spec!.template.spec!.containers[0]!.env!;
      env.find((entry) => entry.name === 'DATABASE_URL')!.valueFrom!.secretKeyRef!.name = 'db';
      env.find((entry) => entry.name === 'REDIS_URL')!.valueFrom!.secretKeyRef!.key = 'redis';
    });
    expect(secretsByReference(manifests)).toEqual([
      `${INGRESS} container ingress: DATABASE_URL reads db/DATABASE_URL, not a key of shiplink-secrets`,
      `${INGRESS} container ingress: REDIS_URL reads shiplink-secrets/redis, not a key of shiplink-secrets`,
    ]);
  });
});
