import type { OpenAccountOptions, SimulatorAccount } from '../../simulator-kit/account';
import { freshId } from '../../simulator-kit/account';
import { SimulatorControl } from '../../testing/control';
import { GOOGLE_ISSUER } from './oidc';
import { topicName } from './pubsub-broker';
import { defaultPushAccount } from './pubsub-control';

/** What a merchant copies from Merchant Center → Settings → Developer settings → API client. */
export interface CommercetoolsSimCredentials extends Record<string, string> {
  projectKey: string;
  clientId: string;
  clientSecret: string;
}

/** The options' `storeKey` setting: an API client of that one store (its credentials say so). */
const storeKeyOf = (settings: Record<string, unknown> | undefined) =>
  typeof settings?.storeKey === 'string' ? settings.storeKey : undefined;

/** Where the hub's commercetools Subscription publishes, and how its pushes are authenticated. */
export interface CommercetoolsSimPubSub {
  projectId: string;
  topic: string;
  issuers: string[];
  jwksUrl: string;
  serviceAccountEmail: string;
}

/** A fresh merchant account in the simulator, as `openCommercetoolsAccount` opens it. */
export interface CommercetoolsSimAccount extends SimulatorAccount<'commercetools'> {
  credentials: CommercetoolsSimCredentials;
  settings: Record<string, unknown> & { pubsub: CommercetoolsSimPubSub };
  storeRef: string;
  /** The full Pub/Sub topic name, `projects/<project>/topics/<topic>`. */
  topic: string;
}

interface OpenedProject {
  projectKey: string;
  clientId: string;
  clientSecret: string;
}

/** The permissions the hub's API client is created with (the hub asks for these, no more). */
export const HUB_PERMISSIONS = [
  'manage_orders',
  'view_messages',
  'manage_types',
  'manage_subscriptions',
  'view_products',
];

/**
 * A fresh project with an API client for the hub (store-scoped orders too when
 * `settings.storeKey` names a store) and an empty Pub/Sub topic in a fresh Google Cloud project.
 * The hub registers its commercetools Subscription itself; what is left for the merchant, once
 * the hub holds the connection, is the push subscription on the topic, to the connection's
 * webhook URL with that URL as the token audience: `connected` does it.
 */
export async function openCommercetoolsAccount(
  baseUrl: string,
  options: OpenAccountOptions = {},
): Promise<CommercetoolsSimAccount> {
  const control = new SimulatorControl(baseUrl);
  const storeKey = storeKeyOf(options.settings);
  const { storeKey: _store, ...settings } = options.settings ?? {};
  const projectKey = freshId('shop-');
  const opened = await control.post<OpenedProject>('/projects', {
    projectKey,
    stores: storeKey ? [storeKey] : [],
    scopes: [...HUB_PERMISSIONS, ...(storeKey ? [`manage_orders:${projectKey}:${storeKey}`] : [])],
  });
  const gcpProject = freshId('gcp-');
  const topic = freshId('commercetools-orders-');
  const fullTopic = topicName(gcpProject, topic);
  await control.post('/pubsub/topics', { name: fullTopic });
  const pubsub: CommercetoolsSimPubSub = {
    projectId: gcpProject,
    topic,
    issuers: [GOOGLE_ISSUER],
    jwksUrl: `${baseUrl.replace(/\/+$/, '')}/oauth2/v3/certs`,
    serviceAccountEmail: defaultPushAccount(gcpProject),
  };
  return {
    provider: 'commercetools',
    baseUrl,
    credentials: {
      projectKey: opened.projectKey,
      clientId: opened.clientId,
      clientSecret: opened.clientSecret,
      ...(storeKey ? { storeKey } : {}),
    },
    settings: { ...settings, pubsub },
    storeRef: options.storeRef ?? opened.projectKey,
    topic: fullTopic,
    async connected(connection) {
      await control.post('/pubsub/subscriptions', {
        name: `shiplink-${connection.id}`.replace(/[^\w.~+%-]/g, '-'),
        topic: fullTopic,
        pushEndpoint: connection.webhookUrl,
        audience: connection.webhookUrl,
      });
    },
  };
}
