import { waitFor } from '@shiplink/testing';
import type { DeadLetterRecord } from './admin-client';
import { ConsoleSession } from './console-session';
import type { RunningHub } from './hub';
import { multiLineOrder } from './scenario';
import type { TestWorld } from './world';

/** The password every console user of a test is given (the API wants at least 12 characters). */
export const CONSOLE_PASSWORD = 'correct horse battery staple';

export type ConsoleRole = 'owner' | 'operator' | 'viewer';

/** Tenant users who sign in to the console, added by the platform operator. */
export async function addConsoleUsers(
  hub: RunningHub,
  tenantId: string,
  users: readonly { email: string; role: ConsoleRole }[],
): Promise<void> {
  const operator = ConsoleSession.withToken(hub.ingressUrl, hub.env.ADMIN_TOKEN);
  for (const user of users) {
    const added = await operator.post(`/admin/api/users?tenantId=${tenantId}`, {
      ...user,
      password: CONSOLE_PASSWORD,
    });
    if (added.status !== 201) {
      throw new Error(
        `adding ${user.email} answered ${added.status}: ${JSON.stringify(added.body)}`,
      );
    }
  }
}

/**
 * An order ShipStation shipped whose customer sent one line back on a return label: the hub
 * records the return with its refund awaiting a person's approval.
 */
export async function returnAwaitingApproval(world: TestWorld): Promise<{ orderId: number }> {
  const orderId = await world.placeOrder(multiLineOrder());
  const exported = await world.shipStationOrder(orderId);
  await world.shipstation.post(`/orders/${exported.orderId}/ship`, {
    carrierCode: 'ups_walleted',
    serviceCode: 'ups_ground',
  });
  await world.bigCommerceShipments(orderId, 1);
  await world.shipstation.post(`/orders/${exported.orderId}/return-label`, {
    items: [{ lineItemKey: exported.items[0]!.lineItemKey, quantity: 1 }],
    carrierCode: 'ups_walleted',
    serviceCode: 'ups_ground',
  });
  // The merchant asks the hub to look at ShipStation now rather than at the next poll.
  await world.admin.http.post(`/connections/${world.setup.fulfilment.id}/polls`);
  return { orderId };
}

/** The recorded dead letters whose job is about one store order. */
export async function deadLettersOfOrder(
  world: TestWorld,
  orderId: number,
): Promise<DeadLetterRecord[]> {
  return (await world.admin.deadLetters()).filter((letter) =>
    letter.jobId.includes(`.${orderId}.`),
  );
}

/**
 * A shipment event from the store for an order it does not have: the shipments queue
 * dead-letters it at once (`store.order_not_found`). Answers its dead letter.
 */
export async function orphanShipmentDeadLetter(
  world: TestWorld,
  missingOrderId: number,
): Promise<DeadLetterRecord> {
  await world.bigcommerce.post(`/stores/${world.storeHash}/events`, {
    scope: 'store/shipment/created',
    data: { type: 'shipment', id: missingOrderId + 1, orderId: missingOrderId },
  });
  return waitFor(
    async () =>
      (await world.admin.deadLetters()).find(
        (letter) => letter.queue === 'shipments' && letter.reason === 'store.order_not_found',
      ),
    { timeoutMs: 20_000, what: `a dead letter for the shipment of order ${missingOrderId}` },
  );
}
