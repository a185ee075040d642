/**
 * The merchant's Google Cloud Pub/Sub (control API, under `/__control/pubsub`):
 * - `POST /topics` `{ name: "projects/p/topics/t" }` → 201; `GET /topics`;
 *   `DELETE /topics?name=projects/p/topics/t`.
 * - `POST /subscriptions` `{ name, topic, pushEndpoint, audience?, serviceAccountEmail? }` → 201
 *   the push subscription (`name` short or `projects/p/subscriptions/s`; the audience defaults to
 *   the endpoint, the account to `commercetools-push@<project>.iam.gserviceaccount.com`; the topic
 *   is created if missing); `GET /subscriptions`; `DELETE /subscriptions/:name`.
 * - `GET /messages` → everything published (dropped ones marked); `GET /deliveries` → every push
 *   delivery with its attempts and status codes.
 * - `POST /faults` `{ drop?: n, duplicate?: n, hold?: true, reorder?: true, tokenAudience?,
 *   tokenExpired?, foreignKey?, tokenCount? }` → the faults in force: lose the next n publishes,
 *   deliver the next n twice, hold deliveries (in order, or newest first under reorder) until
 *   `POST /release`, sign the next `tokenCount` (default: every) tokens with a wrong audience, an
 *   expired `exp` or a key not in the JWKS; `GET /faults`; `DELETE /faults`.
 * - `POST /release` → `{ released }` once every held delivery had its first attempt.
 * - `GET /idle?wait=ms` → `{ idle, held }`, waiting up to `wait` ms for in-flight pushes and
 *   retries to settle (held deliveries do not count).
 * - `GET|POST /settings` `{ minBackoffMs?, maxBackoffMs?, maxAttempts?, timeoutMs? }`.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { parseBody, type ControlDeps } from './control-kit';
import { parseTopicName, type PubSubBroker } from './pubsub-broker';
import type { PushDeliverer } from './pubsub-push';

const TopicSchema = z.object({ name: z.string().regex(/^projects\/[^/]+\/topics\/[^/]+$/) });

const SubscriptionSchema = z.object({
  name: z.string().regex(/^(projects\/[^/]+\/subscriptions\/)?[A-Za-z][\w.~+%-]{2,254}$/),
  topic: z.string().regex(/^projects\/[^/]+\/topics\/[^/]+$/),
  pushEndpoint: z.url(),
  audience: z.string().min(1).optional(),
  serviceAccountEmail: z.string().min(3).optional(),
});

const FaultsSchema = z.object({
  drop: z.number().int().nonnegative().optional(),
  duplicate: z.number().int().nonnegative().optional(),
  hold: z.boolean().optional(),
  reorder: z.boolean().optional(),
  tokenAudience: z.string().min(1).optional(),
  tokenExpired: z.boolean().optional(),
  foreignKey: z.boolean().optional(),
  tokenCount: z.number().int().positive().optional(),
});

const SettingsSchema = z.object({
  minBackoffMs: z.number().int().nonnegative().optional(),
  maxBackoffMs: z.number().int().nonnegative().optional(),
  maxAttempts: z.number().int().positive().optional(),
  timeoutMs: z.number().int().positive().optional(),
});

/** The default service account of a push subscription in the simulator. */
export const defaultPushAccount = (gcpProject: string): string =>
  `commercetools-push@${gcpProject}.iam.gserviceaccount.com`;

const faultsJson = (broker: PubSubBroker, push: PushDeliverer) => ({
  ...broker.faults,
  ...(push.tokenFlaw ? { token: push.tokenFlaw } : {}),
});

/** Waits until no push is in flight or waiting for a retry, or `timeoutMs` passed. */
export async function pushesSettled(
  broker: PubSubBroker,
  push: PushDeliverer,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!push.idle()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return push.idle();
}

/** The Pub/Sub control routes. */
export function pubsubControl(deps: ControlDeps): Router {
  const { broker, push } = deps;
  const control = express.Router();

  control.get('/pubsub/topics', (_req, res) => void res.json([...broker.topics]));
  control.post('/pubsub/topics', (req, res) => {
    const body = parseBody(TopicSchema, req, res);
    if (!body) return;
    broker.createTopic(body.name);
    res.status(201).json({ name: body.name });
  });
  control.delete('/pubsub/topics', (req, res) => {
    const name = typeof req.query.name === 'string' ? req.query.name : '';
    if (!broker.deleteTopic(name)) return void res.status(404).json({ error: 'no such topic' });
    res.status(204).end();
  });

  control.get(
    '/pubsub/subscriptions',
    (_req, res) => void res.json([...broker.subscriptions.values()]),
  );
  control.post('/pubsub/subscriptions', (req, res) => {
    const body = parseBody(SubscriptionSchema, req, res);
    if (!body) return;
    const gcpProject = parseTopicName(body.topic)!.project;
    const name = body.name.startsWith('projects/')
      ? body.name
      : `projects/${gcpProject}/subscriptions/${body.name}`;
    const created = broker.subscribe({
      name,
      topic: body.topic,
      pushEndpoint: body.pushEndpoint,
      audience: body.audience ?? body.pushEndpoint,
      serviceAccountEmail: body.serviceAccountEmail ?? defaultPushAccount(gcpProject),
    });
    res.status(201).json(created);
  });
  control.delete('/pubsub/subscriptions/:name', (req, res) => {
    const name = String(req.params.name);
    const full = name.startsWith('projects/')
      ? name
      : [...broker.subscriptions.keys()].find((candidate) =>
          candidate.endsWith(`/subscriptions/${name}`),
        );
    if (!full || !broker.unsubscribe(full))
      return void res.status(404).json({ error: 'no such subscription' });
    res.status(204).end();
  });

  control.get('/pubsub/messages', (_req, res) => void res.json(broker.published));
  control.get('/pubsub/deliveries', (_req, res) => void res.json(broker.deliveries));

  control.get('/pubsub/faults', (_req, res) => void res.json(faultsJson(broker, push)));
  control.post('/pubsub/faults', (req, res) => {
    const body = parseBody(FaultsSchema, req, res);
    if (!body) return;
    broker.faults = {
      drop: body.drop ?? broker.faults.drop,
      duplicate: body.duplicate ?? broker.faults.duplicate,
      hold: body.hold ?? broker.faults.hold,
      reorder: body.reorder ?? broker.faults.reorder,
    };
    const flaw = {
      ...(body.tokenAudience !== undefined ? { audience: body.tokenAudience } : {}),
      ...(body.tokenExpired ? { expired: true } : {}),
      ...(body.foreignKey ? { foreignKey: true } : {}),
    };
    if (Object.keys(flaw).length > 0) push.setTokenFlaw(flaw, body.tokenCount);
    res.status(201).json(faultsJson(broker, push));
  });
  control.delete('/pubsub/faults', (_req, res) => {
    broker.clearFaults();
    res.status(204).end();
  });

  control.post('/pubsub/release', async (_req, res) => {
    res.json(await broker.release());
  });

  control.get('/pubsub/idle', async (req, res) => {
    const wait = Math.min(Number(req.query.wait ?? 0) || 0, 60_000);
    const idle = await pushesSettled(broker, push, wait);
    res.json({ idle, held: broker.heldCount() });
  });

  control.get('/pubsub/settings', (_req, res) => void res.json(push.settings));
  control.post('/pubsub/settings', (req, res) => {
    const body = parseBody(SettingsSchema, req, res);
    if (!body) return;
    push.settings = { ...push.settings, ...body };
    res.json(push.settings);
  });

  return control;
}
