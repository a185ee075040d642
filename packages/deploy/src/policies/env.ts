import { DEPLOYED_APPS } from '../apps';
import { deploymentsOf, resolveEnv } from '../inventory';
import { idOf, type Manifest } from '../manifests';

/**
 * Every variable an app's env.ts requires (no default, not optional) is set, and every plain
 * value it reads (ConfigMap or inline) parses there, so no pod fails its boot on configuration.
 */
export function envSatisfiesTheApps(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const app of DEPLOYED_APPS) {
    for (const deployment of deploymentsOf(manifests, app.name)) {
      for (const container of deployment.spec?.template.spec?.containers ?? []) {
        const id = `${idOf(deployment)} container ${container.name}`;
        const env = resolveEnv(manifests, container);
        for (const name of env.missingConfigMaps) problems.push(`${id}: no ConfigMap ${name}`);
        for (const [name, schema] of Object.entries(app.env)) {
          const source = env.vars.get(name);
          if (!source && !schema.safeParse(undefined).success) {
            problems.push(`${id}: ${name} is required by ${app.name}'s env but not set`);
          }
          if (source?.from === 'value' && !schema.safeParse(source.value).success) {
            problems.push(`${id}: ${name}=${source.value} does not parse as ${app.name}'s env`);
          }
        }
      }
    }
  }
  return problems;
}
