import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { HttpProblem, sendProblem } from '../http/problems';

export const CONSOLE_PATH = '/console';

/** The console's own scripts and styles only: no inline code, no third parties, no framing. */
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline styles only: the notification preview's merchant HTML, in a sandboxed frame.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * The console's built files at `/console/`, and its index page for every other `/console/…`
 * path (the console routes in the browser). Hashed assets are cached for a year; the page never.
 */
export function consolePages(distDir: string): Router {
  const router = Router();
  const index = path.join(distDir, 'index.html');
  router.use(CONSOLE_PATH, (req, res, next) => {
    if (req.path.startsWith('/api/')) return next();
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  router.use(
    `${CONSOLE_PATH}/assets`,
    express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  router.get([CONSOLE_PATH, `${CONSOLE_PATH}/*rest`], (req, res, next) => {
    if (req.path.startsWith(`${CONSOLE_PATH}/api/`)) return next();
    if (!existsSync(index)) {
      sendProblem(
        res,
        new HttpProblem(503, 'console_not_built', 'run pnpm --filter @shiplink/console build'),
      );
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(index);
  });
  return router;
}
