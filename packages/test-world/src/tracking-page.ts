import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Platform } from '@shiplink/app-kit';
import { createTrackingPageApp } from '@shiplink/tracking-page/app';
import { loadTrackingPageEnv } from '@shiplink/tracking-page/env';

export interface RunningTrackingPage {
  url: string;
  close(): Promise<void>;
}

/**
 * The customer tracking page on the in-process hub's platform (its PostgreSQL and Redis), on a
 * free port. `env` overrides the app's variables (limits, cache).
 */
export async function startTrackingPage(
  platform: Pick<Platform, 'repos' | 'redis' | 'logger' | 'env'>,
  env: Record<string, string> = {},
): Promise<RunningTrackingPage> {
  const parsed = loadTrackingPageEnv({
    ...Object.fromEntries(Object.entries(platform.env).map(([key, value]) => [key, String(value)])),
    PORT: '0',
    PAGE_CACHE_MS: '0',
    ...env,
  });
  const app = createTrackingPageApp(platform, parsed);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
