import type { Request } from 'express';
import type { z } from 'zod';
import { unstorableJson } from '@shiplink/domain';
import { HttpProblem } from './problems';

/**
 * An admin request's JSON body, in its schema's shape: 422 for JSON the database cannot store
 * (NUL characters, lone surrogates), 400 naming every field that does not fit.
 */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const unstorable = unstorableJson(req.body);
  if (unstorable) throw new HttpProblem(422, 'unstorable_payload', `request body ${unstorable}`);
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    throw new HttpProblem(
      400,
      'invalid_request',
      'request body does not fit',
      parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`),
    );
  }
  return parsed.data;
}
