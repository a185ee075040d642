/**
 * The Messages API (the project's messages are always enabled here):
 * - `GET /{projectKey}/messages` (where, e.g. `resource(id = "…")`, `type in ("A", "B")`,
 *   `createdAt > "…"`, `sequenceNumber > 3`; sort; limit; offset) → MessagePagedQueryResponse,
 *   in emission order unless sorted;
 * - `GET /{projectKey}/messages/{id}` → the Message, 404 ResourceNotFound.
 * Both need `view_messages` (the deprecated `view_orders` still works, as the reference says).
 */
import express, { type Router } from 'express';
import { authOf, permitted } from './bearer';
import { answering, resourceNotFound } from './errors';
import { queryResources } from './query';

/** The message routes. */
export function messagesRoutes(): Router {
  const router = express.Router();

  router.get('/:projectKey/messages', (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'view_messages')) return;
      res.json(queryResources(req, authOf(res).project.messages));
    }),
  );

  router.get('/:projectKey/messages/:messageId', (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'view_messages')) return;
      const id = String(req.params.messageId);
      const message = authOf(res).project.messages.find((candidate) => candidate.id === id);
      if (!message) throw resourceNotFound('ID', id);
      res.json(message);
    }),
  );

  return router;
}
