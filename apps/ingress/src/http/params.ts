import type { Request } from 'express';
import { z } from 'zod';
import { HttpProblem } from './problems';

const Uuid = z.uuid();
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export const isUuid = (value: string) => Uuid.safeParse(value).success;

/**
 * A route's id parameter, checked before it reaches the database: a malformed id is the caller's
 * mistake (400 with the parameter's name), not ours.
 */
export function idParam(req: Request, name: string): string {
  const value = String(req.params[name] ?? '');
  if (!isUuid(value)) throw new HttpProblem(400, 'invalid_parameter', `${name} must be a UUID`);
  return value;
}

/** Names people type: trimmed, bounded, and free of control characters (NUL included). */
export const displayName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((name) => !CONTROL_CHARS.test(name), 'must not contain control characters');

/** A free-text route parameter (an order number), bounded before anything looks it up. */
export function textParam(req: Request, name: string, maxLength: number): string {
  const value = String(req.params[name] ?? '');
  if (value.length === 0 || value.length > maxLength || CONTROL_CHARS.test(value)) {
    throw new HttpProblem(400, 'invalid_parameter', `${name} must be 1–${maxLength} characters`);
  }
  return value;
}
