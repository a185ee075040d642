import type { NextFunction, Request, Response } from 'express';
import type { FaultResponder } from '../../simulator-kit/faults';
import type { TwilioErrorBody } from '../schemas';

/** Sends Twilio's error answer: `{code, message, more_info, status}` with the HTTP status. */
export function sendTwilioError(
  res: Response,
  status: number,
  code: number,
  message: string,
): void {
  const body: TwilioErrorBody = {
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  };
  res.status(status).json(body);
}

/** 429 (20429, "never processed") and 5xx in Twilio's shape, for the kit's faults. */
export const twilioFaultResponder: FaultResponder = {
  rateLimited(res, withHeaders, resetMs) {
    // Twilio documents no rate-limit headers; the fault's header form sends Retry-After.
    if (withHeaders) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(resetMs / 1_000))));
    sendTwilioError(res, 429, 20429, 'Too Many Requests');
  },
  serverError(res, status) {
    sendTwilioError(res, status, 20500, 'An internal server error has occurred');
  },
};

/** An API path the simulator does not have: Twilio's 20404. */
export function notFound(req: Request, res: Response): void {
  sendTwilioError(res, 404, 20404, `The requested resource ${req.path} was not found`);
}

/** A body that does not parse gets Twilio's answer instead of Express's HTML page. */
export function apiErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction) {
  if (res.headersSent) return next(error);
  const status =
    typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
  if (status >= 400 && status < 500)
    return sendTwilioError(res, 400, 400, 'Bad Request: the body could not be read');
  sendTwilioError(res, 500, 20500, 'An internal server error has occurred');
}

/** Twilio's RFC 2822 dates: `Thu, 30 Jul 2015 20:12:31 +0000`. */
export const rfc2822 = (date: Date): string => date.toUTCString().replace(/GMT$/, '+0000');
