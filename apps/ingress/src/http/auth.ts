import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpProblem, sendProblem } from './problems';

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `Authorization: Bearer <ADMIN_TOKEN>` for the admin API. */
export function requireBearer(token: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization ?? '';
    const provided = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (provided && safeEqual(provided, token)) return next();
    sendProblem(res, new HttpProblem(401, 'unauthorized', 'a valid admin token is required'));
  };
}

/** HTTP Basic for the dashboard, so a browser prompts for it. */
export function requireBasic(user: string, password: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization ?? '';
    if (header.startsWith('Basic ')) {
      const [name = '', ...rest] = Buffer.from(header.slice(6), 'base64')
        .toString('utf8')
        .split(':');
      if (safeEqual(name, user) && safeEqual(rest.join(':'), password)) return next();
    }
    res.setHeader('WWW-Authenticate', 'Basic realm="Shiplink queues", charset="UTF-8"');
    sendProblem(res, new HttpProblem(401, 'unauthorized', 'dashboard credentials are required'));
  };
}
