import type { Request } from 'express';
import type { z } from 'zod';
import { UpdateRequestSchema } from './draft-schemas';
import {
  concurrentModification,
  invalidInput,
  invalidJsonFromIssues,
  invalidJsonInput,
  invalidOperation,
} from './errors';
import { MAX_UPDATE_ACTIONS } from './order-updates';
import type { ClientLogging } from './records';

interface Versioned {
  id: string;
  version: number;
  lastModifiedAt: string;
  lastModifiedBy: ClientLogging;
}

/** A request body of a draft's shape, or 400 InvalidJsonInput naming what is wrong. */
export function parseDraft<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined) throw invalidJsonInput('The request has no body.');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidJsonFromIssues(parsed.error.issues);
  return parsed.data;
}

/**
 * A versioned update of a Type or Subscription: `{ version, actions }` checked (409 when the
 * version is stale), each action parsed with `schema` and applied to a copy, the copy's version
 * moved by one. Atomic: the stored record is untouched when anything fails.
 */
export function versionedUpdate<R extends Versioned, A>(
  record: R,
  body: unknown,
  schema: z.ZodType<A>,
  apply: (copy: R, action: A) => void,
  now: string,
  by: ClientLogging,
): R {
  const { version, actions } = parseDraft(UpdateRequestSchema, body);
  if (actions.length > MAX_UPDATE_ACTIONS) {
    throw invalidInput(
      `Too many update actions: at most ${MAX_UPDATE_ACTIONS} are allowed per request.`,
    );
  }
  if (version !== record.version) throw concurrentModification(record.id, version, record.version);
  const copy = structuredClone(record);
  actions.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw invalidJsonFromIssues(
        parsed.error.issues.map((issue) => ({ ...issue, path: ['actions', index, ...issue.path] })),
      );
    }
    apply(copy, parsed.data);
  });
  copy.version = record.version + 1;
  copy.lastModifiedAt = now;
  copy.lastModifiedBy = by;
  return copy;
}

/** `?version=` of a DELETE, checked against the record (409 when stale). */
export function checkDeleteVersion(req: Request, record: Versioned): void {
  const raw = req.query.version;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw))
    throw invalidOperation('Missing version number');
  const version = Number(raw);
  if (version !== record.version) throw concurrentModification(record.id, version, record.version);
}
