import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { containerId, ofKind, workloads } from '../inventory';
import { idOf, type Manifest } from '../manifests';

/** The Secret the operator creates; the manifests only ever refer to it. */
export const SECRET_NAME = 'shiplink-secrets';
/** Its keys (the README's `kubectl create secret` command lists the same). */
export const SECRET_KEYS = [
  'DATABASE_URL',
  'REDIS_URL',
  'ENCRYPTION_KEY',
  'ADMIN_TOKEN',
  'SMTP_URL',
];

/** Names whose values are credentials (connection URLs carry passwords). */
const SECRET_LOOKING =
  /(PASSWORD|TOKEN|SECRET|CREDENTIAL|_KEY$|^KEY$|_HEADERS$|DATABASE_URL|REDIS_URL|SMTP_URL)/;
/** `scheme://user:password@…` */
const URL_WITH_PASSWORD = /^[a-z][a-z\d+.-]*:\/\/[^/@\s:]*:[^/@\s]+@/i;

/**
 * No secret value in the manifests: no Secret objects, secret-looking variables only through
 * secretKeyRef to the operator's Secret, and no credentials in ConfigMaps or plain values.
 */
export function secretsByReference(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const manifest of ofKind(manifests, 'Secret')) {
    problems.push(`${idOf(manifest)}: secrets are created by the operator, never rendered`);
  }
  for (const configMap of ofKind<IConfigMap>(manifests, 'ConfigMap')) {
    for (const [key, value] of Object.entries(configMap.data ?? {})) {
      if (SECRET_LOOKING.test(key)) problems.push(`${idOf(configMap)}: ${key} looks secret`);
      if (URL_WITH_PASSWORD.test(value)) problems.push(`${idOf(configMap)}: ${key} has a password`);
    }
  }
  for (const workload of workloads(manifests)) {
    for (const container of workload.containers) {
      const id = containerId(workload, container);
      for (const source of container.envFrom ?? []) {
        if (source.secretRef && source.secretRef.name !== SECRET_NAME) {
          problems.push(`${id}: envFrom Secret ${source.secretRef.name}, not ${SECRET_NAME}`);
        }
      }
      for (const entry of container.env ?? []) {
        const ref = entry.valueFrom?.secretKeyRef;
        if (ref && (ref.name !== SECRET_NAME || !SECRET_KEYS.includes(ref.key))) {
          problems.push(
            `${id}: ${entry.name} reads ${ref.name}/${ref.key}, not a key of ${SECRET_NAME}`,
          );
        }
        if (SECRET_LOOKING.test(entry.name) && !ref) {
          problems.push(`${id}: ${entry.name} looks secret but is not a secretKeyRef`);
        }
        if (entry.value !== undefined && URL_WITH_PASSWORD.test(entry.value)) {
          problems.push(`${id}: ${entry.name} has a password in its value`);
        }
      }
    }
  }
  return problems;
}
