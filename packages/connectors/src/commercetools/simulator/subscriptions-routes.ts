/**
 * Subscriptions (every endpoint needs `manage_subscriptions`, reads included, as the reference
 * secures them; the health check needs no token at all):
 * - `POST /{projectKey}/subscriptions` with a SubscriptionDraft → 201 Subscription, after a test
 *   notification reached the destination (else 400, and nothing is created); at most 50 per
 *   project (400 MaxResourceLimitExceeded); a key in use → 400 DuplicateField;
 * - `GET /{projectKey}/subscriptions` (where, sort, paging);
 * - `GET|POST|DELETE /{projectKey}/subscriptions/{id}` and `/subscriptions/key={key}` (DELETE
 *   with `?version=`; POST takes setKey, setMessages, setChanges, changeDestination);
 * - `GET /{projectKey}/subscriptions/{id}/health` (and `/key={key}/health`): 200 Healthy,
 *   400 ConfigurationError / ConfigurationErrorDeliveryStopped / ManuallySuspended, 503
 *   TemporaryError, no body.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { authOf, permitted } from './bearer';
import {
  answering,
  CommercetoolsApiError,
  duplicateField,
  invalidInput,
  resourceNotFound,
} from './errors';
import type { ChangeNotice, ProjectEvents } from './events';
import { TopicNotFoundError } from './pubsub-broker';
import { queryResources } from './query';
import type { ClientLogging, Destination, SubscriptionRecord } from './records';
import type { CommercetoolsSimState, ProjectData } from './state';
import type { SubscriptionDelivery } from './subscription-delivery';
import {
  ORDER_MESSAGE_TYPES,
  SubscriptionDraftSchema,
  SubscriptionUpdateActionSchema,
  type SubscriptionUpdateAction,
} from './subscription-schemas';
import { checkDeleteVersion, parseDraft, versionedUpdate } from './versioned';

/** The platform's limit of Subscriptions per project. */
export const MAX_SUBSCRIPTIONS = 50;

function findSubscription(project: ProjectData | undefined, ref: string): SubscriptionRecord {
  const byKey = /^key=(.+)$/.exec(ref);
  const found = byKey ? project?.subscriptionByKey(byKey[1]!) : project?.subscriptions.get(ref);
  if (!found) throw byKey ? resourceNotFound('key', byKey[1]!) : resourceNotFound('ID', ref);
  return found;
}

function checkMessageTypes(messages: SubscriptionRecord['messages']): void {
  for (const entry of messages) {
    if (entry.resourceTypeId !== 'order') continue;
    for (const type of entry.types ?? []) {
      if (!ORDER_MESSAGE_TYPES.has(type)) {
        throw invalidInput(`'${type}' is not a valid message type for the resource type 'order'.`);
      }
    }
  }
}

const HEALTH_STATUS: Record<SubscriptionRecord['status'], number> = {
  Healthy: 200,
  ConfigurationError: 400,
  ConfigurationErrorDeliveryStopped: 400,
  ManuallySuspended: 400,
  TemporaryError: 503,
};

const byClient = (res: Response): ClientLogging => ({
  clientId: authOf(res).token.clientId,
  isPlatformClient: false,
});

/** The health check, mounted before bearer authentication. */
export function subscriptionHealthRoutes(state: CommercetoolsSimState): Router {
  const router = express.Router();
  router.get('/:projectKey/subscriptions/:subRef/health', (req, res) =>
    answering(res, () => {
      const project = state.project(String(req.params.projectKey));
      const subscription = findSubscription(project, String(req.params.subRef));
      res.status(HEALTH_STATUS[subscription.status]).end();
    }),
  );
  return router;
}

/** The Subscription routes (behind bearer authentication). */
export function subscriptionsRoutes(
  state: CommercetoolsSimState,
  events: ProjectEvents,
  delivery: SubscriptionDelivery,
): Router {
  const router = express.Router();

  const testDestination = (project: ProjectData, subscription: SubscriptionRecord) => {
    try {
      delivery.sendTest(project.key, subscription);
    } catch (error) {
      if (!(error instanceof TopicNotFoundError)) throw error;
      throw invalidInput(
        `A test message could not be delivered to this destination: GoogleCloudPubSub topic '${String(
          subscription.destination.topic,
        )}' in project '${String(subscription.destination.projectId)}'. Please make sure your destination is correctly configured.`,
      );
    }
  };

  const notice = (
    subscription: SubscriptionRecord,
    kind: ChangeNotice['notificationType'],
    oldVersion?: number,
  ): ChangeNotice => ({
    notificationType: kind,
    resource: { typeId: 'subscription', id: subscription.id },
    resourceUserProvidedIdentifiers:
      subscription.key !== undefined ? { key: subscription.key } : ({} as Record<string, string>),
    version: subscription.version,
    ...(oldVersion !== undefined ? { oldVersion } : {}),
    modifiedAt: state.isoNow(),
  });

  router.get('/:projectKey/subscriptions', (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'manage_subscriptions')) return;
      res.json(queryResources(req, [...authOf(res).project.subscriptions.values()]));
    }),
  );

  router.post('/:projectKey/subscriptions', (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'manage_subscriptions')) return;
      const { project } = authOf(res);
      const draft = parseDraft(SubscriptionDraftSchema, req.body);
      if (draft.messages.length === 0 && draft.changes.length === 0 && draft.events.length === 0) {
        throw invalidInput('Either messages, changes, or events must be set.');
      }
      checkMessageTypes(draft.messages);
      if (draft.key !== undefined && project.subscriptionByKey(draft.key)) {
        throw duplicateField('key', draft.key);
      }
      if (project.subscriptions.size >= MAX_SUBSCRIPTIONS) {
        throw new CommercetoolsApiError(400, [
          {
            code: 'MaxResourceLimitExceeded',
            message: `You have exceeded the limit of ${MAX_SUBSCRIPTIONS} subscriptions.`,
            exceededResource: 'subscription',
          },
        ]);
      }
      const now = state.isoNow();
      const subscription: SubscriptionRecord = {
        id: randomUUID(),
        version: 1,
        createdAt: now,
        lastModifiedAt: now,
        lastModifiedBy: byClient(res),
        createdBy: byClient(res),
        ...(draft.key !== undefined ? { key: draft.key } : {}),
        destination: draft.destination as Destination,
        messages: draft.messages,
        changes: draft.changes,
        events: draft.events,
        format: draft.format,
        status: 'Healthy',
      };
      testDestination(project, subscription);
      project.subscriptions.set(subscription.id, subscription);
      events.changed(project, notice(subscription, 'ResourceCreated'));
      res.status(201).json(subscription);
    }),
  );

  const one = '/:projectKey/subscriptions/:subRef';
  const find = (req: Request, res: Response) =>
    findSubscription(authOf(res).project, String(req.params.subRef));

  router.get(one, (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'manage_subscriptions')) return;
      res.json(find(req, res));
    }),
  );

  router.post(one, (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'manage_subscriptions')) return;
      const { project } = authOf(res);
      const subscription = find(req, res);
      let destinationChanged = false;
      const apply = (copy: SubscriptionRecord, action: SubscriptionUpdateAction) => {
        switch (action.action) {
          case 'setKey':
            if (action.key !== undefined) {
              const other = project.subscriptionByKey(action.key);
              if (other && other.id !== copy.id) throw duplicateField('key', action.key);
              copy.key = action.key;
            } else delete copy.key;
            return;
          case 'setMessages':
            checkMessageTypes(action.messages);
            copy.messages = action.messages;
            return;
          case 'setChanges':
            copy.changes = action.changes;
            return;
          case 'changeDestination':
            copy.destination = action.destination as Destination;
            copy.status = 'Healthy';
            destinationChanged = true;
            return;
        }
      };
      const updated = versionedUpdate(
        subscription,
        req.body,
        SubscriptionUpdateActionSchema,
        apply,
        state.isoNow(),
        byClient(res),
      );
      if (destinationChanged) testDestination(project, updated);
      project.subscriptions.set(updated.id, updated);
      events.changed(project, notice(updated, 'ResourceUpdated', subscription.version));
      res.json(updated);
    }),
  );

  router.delete(one, (req, res) =>
    answering(res, () => {
      if (!permitted(res, 'manage_subscriptions')) return;
      const { project } = authOf(res);
      const subscription = find(req, res);
      checkDeleteVersion(req, subscription);
      project.subscriptions.delete(subscription.id);
      events.changed(project, notice(subscription, 'ResourceDeleted'));
      res.json(subscription);
    }),
  );

  return router;
}
