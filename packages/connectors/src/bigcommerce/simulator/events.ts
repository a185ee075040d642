import { createHash, randomUUID } from 'node:crypto';
import type { WebhookSender } from '../../simulator-kit/webhook-sender';
import { signBigCommerceWebhook } from '../webhook';
import type { BigCommerceSimState, SimHook, SimStore } from './state';

/**
 * BigCommerce's documented retry schedule after a failed delivery, in seconds (≈48 h in all);
 * then the hook is deactivated. The simulator runs a scaled-down version of it.
 */
export const BIGCOMMERCE_WEBHOOK_RETRY_SCHEDULE_SEC = [
  60, 180, 300, 600, 900, 1_800, 3_600, 7_200, 21_600, 50_400, 86_400,
] as const;

/** The first three retries at 1/300 of real time: 200 ms, 600 ms, 1 s. */
export const DEFAULT_SIMULATED_RETRY_DELAYS_MS = BIGCOMMERCE_WEBHOOK_RETRY_SCHEDULE_SEC.slice(
  0,
  3,
).map((seconds) => Math.round((seconds * 1_000) / 300));

/** `store/order/*` covers every order event, `store/order/created` only itself. */
export function bigCommerceScopeMatches(hookScope: string, event: string): boolean {
  if (hookScope === event) return true;
  if (!hookScope.endsWith('/*')) return false;
  return event.startsWith(hookScope.slice(0, -1));
}

export type EventData = { type: string; id: number } & Record<string, unknown>;

/** Where an app's client secret is found, for hooks its token created. */
export interface AppSecrets {
  secretOf(clientId: string): string | undefined;
}

export class BigCommerceEvents {
  constructor(
    private readonly state: BigCommerceSimState,
    private readonly sender: WebhookSender,
    private readonly apps?: AppSecrets,
  ) {}

  /**
   * Delivers one event to every active hook of the store whose scope covers it (or only to the
   * hooks of `only.clientId`), each signed with the secret of the client that made the hook.
   */
  emit(
    store: SimStore,
    scope: string,
    data: EventData,
    only?: { clientId: string },
  ): { id: string; url: string }[] {
    const createdAt = this.state.nowSec();
    const payload = {
      scope,
      store_id: store.storeId,
      data,
      // Same event → same hash, so receivers can drop duplicate deliveries.
      hash: createHash('sha1')
        .update(JSON.stringify({ scope, data, createdAt, store: store.hash }))
        .digest('hex'),
      created_at: createdAt,
      producer: `stores/${store.hash}`,
    };
    const body = JSON.stringify(payload);
    const sent: { id: string; url: string }[] = [];
    for (const hook of this.hooksFor(store, scope)) {
      if (only && hook.client_id !== only.clientId) continue;
      const id = `msg_${randomUUID().replace(/-/g, '')}`;
      const signed = signBigCommerceWebhook({
        id,
        timestamp: createdAt,
        body,
        secret: this.apps?.secretOf(hook.client_id) ?? store.clientSecret,
      });
      this.sender.send({
        id,
        url: hook.destination,
        event: scope,
        body,
        headers: { ...(hook.headers ?? {}), ...signed },
      });
      sent.push({ id, url: hook.destination });
    }
    return sent;
  }

  private hooksFor(store: SimStore, scope: string): SimHook[] {
    return [...store.hooks.values()].filter(
      (hook) => hook.is_active && bigCommerceScopeMatches(hook.scope, scope),
    );
  }
}
