import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { Manifest } from '../manifests';
import { broken, object, remove } from '../test/fixtures';
import { migrationJob } from './migrations';

const JOB = 'Job/shiplink-migrate';
const migrate = (manifests: Manifest[]): IContainer =>
  object<IJob>(manifests, JOB).spec!.template.spec!.containers[0]!;

describe('migrationJob', () => {
  it('fails another image or tag than the ingress runs', () => {
    const manifests = broken((all) => {
      migrate(all).image = 'shiplink/ingress:0.0.9';
    });
    expect(migrationJob(manifests)).toEqual([
      `${JOB}: image shiplink/ingress:0.0.9, not the ingress's shiplink/ingress:0.1.0`,
    ]);
  });

  it('fails another command', () => {
    const manifests = broken((all) => {
      migrate(all).command = ['node', 'dist/main.js'];
    });
    expect(migrationJob(manifests)).toEqual([
      `${JOB}: runs "node dist/main.js", not "node dist/migrate.js" in /app`,
    ]);
  });

  it('fails no Job, and another object under the label applied first', () => {
    const manifests = broken((all) => {
      remove(all, JOB);
      object(all, 'Service/shiplink-ingress').metadata.labels!['app.kubernetes.io/component'] =
        'migrations';
    });
    expect(migrationJob(manifests)).toEqual([
      'Service/shiplink-ingress: labelled migrations, applied before the rest',
      '0 migration Jobs, not one',
    ]);
  });
});
