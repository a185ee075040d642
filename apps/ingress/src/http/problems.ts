import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@shiplink/logger';

/** A 4xx/5xx answer with a stable code and a readable message. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function sendProblem(res: Response, problem: HttpProblem): void {
  res.status(problem.status).json({
    error: problem.code,
    message: problem.message,
    ...(problem.details === undefined ? {} : { details: problem.details }),
  });
}

/** Last handler: body-parser failures become 400/413, anything unexpected a logged 500. */
export function problemHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    if (error instanceof HttpProblem) return sendProblem(res, error);
    const bodyError = error as { type?: string; status?: number };
    if (bodyError.type === 'entity.too.large') {
      return sendProblem(
        res,
        new HttpProblem(413, 'payload_too_large', 'request body is too large'),
      );
    }
    if (bodyError.type === 'entity.parse.failed') {
      return sendProblem(
        res,
        new HttpProblem(400, 'malformed_json', 'request body is not valid JSON'),
      );
    }
    if (bodyError.status && bodyError.status >= 400 && bodyError.status < 500) {
      return sendProblem(
        res,
        new HttpProblem(bodyError.status, 'bad_request', 'request was refused'),
      );
    }
    logger.error('request failed', { error });
    sendProblem(res, new HttpProblem(500, 'internal_error', 'the request could not be completed'));
  };
}

/** Wraps async route handlers so rejections reach the problem handler. */
export function route(
  fn: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    fn(req, res).catch(next);
  };
}
