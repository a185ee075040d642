import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { COMPONENT_LABEL, deploymentsOf, ofKind } from '../inventory';
import { idOf, type Manifest } from '../manifests';

/** The label the deployment steps select to apply the migration Job before the rest. */
export const MIGRATIONS_COMPONENT = 'migrations';

/**
 * One migration Job, alone under the component label the deployment steps select, running
 * `node dist/migrate.js` from the very image (and tag) the ingress Deployment runs.
 */
export function migrationJob(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const labelled = manifests.filter(
    (manifest) => manifest.metadata.labels?.[COMPONENT_LABEL] === MIGRATIONS_COMPONENT,
  );
  const jobs = ofKind<IJob>(labelled, 'Job');
  for (const manifest of labelled) {
    if (manifest.kind !== 'Job') {
      problems.push(`${idOf(manifest)}: labelled ${MIGRATIONS_COMPONENT}, applied before the rest`);
    }
  }
  if (jobs.length !== 1) return [...problems, `${jobs.length} migration Jobs, not one`];
  const job = jobs[0]!;
  const pod = job.spec?.template.spec;
  const containers = pod?.containers ?? [];
  if (containers.length !== 1) return [...problems, `${idOf(job)}: not one container`];
  const container = containers[0]!;
  const ingressImage = deploymentsOf(manifests, 'ingress')[0]?.spec?.template.spec?.containers[0]
    ?.image;
  if (!ingressImage || container.image !== ingressImage) {
    problems.push(`${idOf(job)}: image ${container.image}, not the ingress's ${ingressImage}`);
  }
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (argv.join(' ') !== 'node dist/migrate.js' || container.workingDir !== '/app') {
    problems.push(`${idOf(job)}: runs "${argv.join(' ')}", not "node dist/migrate.js" in /app`);
  }
  if (pod?.restartPolicy !== 'Never') {
    problems.push(`${idOf(job)}: restartPolicy ${pod?.restartPolicy}, not Never`);
  }
  const database = container.env?.find((entry) => entry.name === 'DATABASE_URL');
  if (!database?.valueFrom?.secretKeyRef) {
    problems.push(`${idOf(job)}: DATABASE_URL is not read from the Secret`);
  }
  return problems;
}
