import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startApp, type AppProcess } from '@shiplink/testing';

export const LOG_DIR = path.resolve(__dirname, '../../../../.shiplink/logs');

/** Starts an app as its own process, its JSON logs going to .shiplink/logs/<app>.log. */
export function startDemoApp(
  app: string,
  env: Record<string, string>,
): AppProcess & { logFile: string } {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${app}.log`);
  return { ...startApp(app, env, { logFile }), logFile };
}
