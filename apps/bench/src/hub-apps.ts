import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { QUEUES } from '@shiplink/jobs';
import { startApp, type AppProcess } from '@shiplink/testing';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/**
 * The hub's apps the benchmark measures, as deployed: the two HTTP apps and a worker per queue;
 * the simulators stand in for providers and run from source.
 */
const HUB_APPS: readonly string[] = [
  'ingress',
  'tracking-page',
  ...QUEUES.map((queue) => `worker-${queue}`),
];

/**
 * Builds the hub's apps as their images do (`build`: one bundle each), once per run, and links
 * the third-party packages each bundle requires into its `dist/node_modules`, as the image's
 * node_modules holds them (found by CommonJS and ESM resolution alike).
 */
export function buildHubApps(): void {
  execFileSync(
    'pnpm',
    ['--silent', ...HUB_APPS.flatMap((app) => ['--filter', `@shiplink/${app}`]), 'build'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (const app of HUB_APPS) {
    const dist = path.join(REPO_ROOT, 'apps', app, 'dist');
    const externals = JSON.parse(readFileSync(path.join(dist, 'externals.json'), 'utf8')) as Record<
      string,
      string
    >;
    for (const [name, folder] of Object.entries(externals)) {
      const link = path.join(dist, 'node_modules', name);
      mkdirSync(path.dirname(link), { recursive: true });
      symlinkSync(folder, link, 'dir');
    }
  }
}

/**
 * Starts one of the hub's apps the way its image runs it (`node dist/main.js`), so CPU and memory
 * are production's, not the TypeScript loader's; anything else runs from source.
 */
export function startHubApp(app: string, env: Record<string, string>): AppProcess {
  return startApp(app, env, { bundled: HUB_APPS.includes(app) });
}
