/**
 * Types (Custom Fields' schemas):
 * - `GET /{projectKey}/types` (where, e.g. `key = "x"` or `key in ("a", "b")`) → TypePagedQueryResponse;
 * - `POST /{projectKey}/types` with a TypeDraft → 201 Type; a key in use → 400 DuplicateField;
 * - `GET|POST|DELETE /{projectKey}/types/{id}` and `/types/key={key}`: read, versioned update
 *   (409 on a stale version), delete with `?version=` (400 ReferenceExists while in use).
 * Reading needs `view_types`, the rest `manage_types`.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { authOf, permitted } from './bearer';
import { typeInUse } from './custom-fields';
import { answering, CommercetoolsApiError, duplicateField, resourceNotFound } from './errors';
import type { ChangeNotice, ProjectEvents } from './events';
import { queryResources } from './query';
import type { ClientLogging, TypeRecord } from './records';
import type { CommercetoolsSimState } from './state';
import { applyTypeAction } from './type-actions';
import { TypeDraftSchema, TypeUpdateActionSchema } from './type-schemas';
import { checkDeleteVersion, parseDraft, versionedUpdate } from './versioned';

function findType(req: Request, res: Response): TypeRecord {
  const { project } = authOf(res);
  const ref = String(req.params.typeRef);
  const byKey = /^key=(.+)$/.exec(ref);
  const type = byKey ? project.typeByKey(byKey[1]!) : project.types.get(ref);
  if (!type) throw byKey ? resourceNotFound('key', byKey[1]!) : resourceNotFound('ID', ref);
  return type;
}

const byClient = (res: Response): ClientLogging => ({
  clientId: authOf(res).token.clientId,
  isPlatformClient: false,
});

const change = (
  type: TypeRecord,
  notificationType: ChangeNotice['notificationType'],
  oldVersion?: number,
): ChangeNotice => ({
  notificationType,
  resource: { typeId: 'type', id: type.id },
  resourceUserProvidedIdentifiers: { key: type.key },
  version: type.version,
  ...(oldVersion !== undefined ? { oldVersion } : {}),
  modifiedAt: type.lastModifiedAt,
});

/** The Type routes. */
export function typesRoutes(state: CommercetoolsSimState, events: ProjectEvents): Router {
  const router = express.Router();

  router.get('/:projectKey/types', (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'view_types')) return;
      res.json(queryResources(req, [...authOf(res).project.types.values()]));
    }),
  );

  router.post('/:projectKey/types', (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'manage_types')) return;
      const { project } = authOf(res);
      const draft = parseDraft(TypeDraftSchema, req.body);
      if (project.typeByKey(draft.key)) throw duplicateField('key', draft.key);
      const names = draft.fieldDefinitions.map((definition) => definition.name);
      const repeated = names.find((name, index) => names.indexOf(name) !== index);
      if (repeated !== undefined) throw duplicateField('fieldDefinitions.name', repeated);
      const now = state.isoNow();
      const type: TypeRecord = {
        id: randomUUID(),
        version: 1,
        createdAt: now,
        lastModifiedAt: now,
        lastModifiedBy: byClient(res),
        createdBy: byClient(res),
        key: draft.key,
        name: draft.name,
        ...(draft.description ? { description: draft.description } : {}),
        resourceTypeIds: draft.resourceTypeIds,
        fieldDefinitions: draft.fieldDefinitions,
      };
      project.types.set(type.id, type);
      events.changed(project, change(type, 'ResourceCreated'));
      res.status(201).json(type);
    }),
  );

  router.get('/:projectKey/types/:typeRef', (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'view_types')) return;
      res.json(findType(req, res));
    }),
  );

  router.post('/:projectKey/types/:typeRef', (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'manage_types')) return;
      const { project } = authOf(res);
      const type = findType(req, res);
      const updated = versionedUpdate(
        type,
        req.body,
        TypeUpdateActionSchema,
        (copy, action) => applyTypeAction(project, copy, action),
        state.isoNow(),
        byClient(res),
      );
      project.types.set(updated.id, updated);
      events.changed(project, change(updated, 'ResourceUpdated', type.version));
      res.json(updated);
    }),
  );

  router.delete('/:projectKey/types/:typeRef', (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'manage_types')) return;
      const { project } = authOf(res);
      const type = findType(req, res);
      checkDeleteVersion(req, type);
      if (typeInUse(project, type.id)) {
        throw new CommercetoolsApiError(400, [
          {
            code: 'ReferenceExists',
            message: `Can not delete a type while it is referenced by at least one order.`,
            referencedBy: 'order',
          },
        ]);
      }
      project.types.delete(type.id);
      events.changed(project, { ...change(type, 'ResourceDeleted'), modifiedAt: state.isoNow() });
      res.json(type);
    }),
  );

  return router;
}
