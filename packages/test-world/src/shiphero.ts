import type { ShipHeroSimAccount } from '@shiplink/connectors/shiphero/simulator';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { waitFor } from '@shiplink/testing';
import { accountOf, type Sandbox } from './sandbox';

/** A ShipHero order as the simulator keeps it (the fields the tests look at). */
export interface ShipHeroOrderView {
  id: string;
  legacy_id: number;
  order_number: string;
  partner_order_id: string | null;
  fulfillment_status: string;
  tags: string[];
  holds: Record<string, boolean>;
  line_items: {
    id: string;
    sku: string;
    partner_line_item_id: string;
    quantity: number;
    fields: Record<string, unknown>;
  }[];
  fields: Record<string, unknown>;
}

export interface ShipHeroPackage {
  carrier?: string;
  method?: string;
  trackingNumber?: string;
  cost?: string;
  lineItems?: { partnerLineItemId?: string; sku?: string; quantity?: number }[];
}

export interface ShipResult {
  shipmentId: string;
  shipmentLegacyId: number;
  fulfillmentStatus: string;
  labels: { id: string; trackingNumber: string }[];
  messageIds: { shipmentUpdate?: string[]; inventoryUpdate?: string[] };
}

/** The store's ShipHero warehouse in a sandbox, driven like ShipHero's own apps would. */
export class ShipHeroWarehouse {
  readonly control: SimulatorControl;
  readonly account: ShipHeroSimAccount;

  constructor(private readonly sandbox: Sandbox) {
    const account = accountOf<ShipHeroSimAccount>(sandbox.accounts, 'shiphero');
    if (!account) throw new Error('this sandbox has no ShipHero account');
    this.account = account;
    this.control = new SimulatorControl(sandbox.simulators.urls.shiphero);
  }

  /** Products in ShipHero's catalog, with their on-hand count in the first warehouse. */
  async stock(products: { sku: string; name?: string; onHand?: number }[]): Promise<void> {
    await this.control.post(`/accounts/${this.account.accountId}/products`, {
      products: products.map(({ sku, name, onHand }) => ({
        sku,
        ...(name ? { name } : {}),
        ...(onHand === undefined ? {} : { stock: [{ onHand }] }),
      })),
    });
  }

  async orders(): Promise<ShipHeroOrderView[]> {
    return this.control.get<ShipHeroOrderView[]>(`/accounts/${this.account.accountId}/orders`);
  }

  /** Every ShipHero order of one store order (one per destination), once there are `count`. */
  async ordersOf(orderId: number, count = 1, timeoutMs = 15_000): Promise<ShipHeroOrderView[]> {
    const prefix = `bc-${this.sandbox.storeHash}-${orderId}`;
    return waitFor(
      async () => {
        const found = (await this.orders()).filter(
          (order) =>
            order.partner_order_id === prefix || order.partner_order_id?.startsWith(`${prefix}-`),
        );
        return found.length >= count ? found : undefined;
      },
      { timeoutMs, what: `${count} ShipHero order(s) for store order ${orderId}` },
    );
  }

  async orderOf(orderId: number, timeoutMs?: number): Promise<ShipHeroOrderView> {
    const [order] = await this.ordersOf(orderId, 1, timeoutMs);
    return order!;
  }

  async ship(shipHeroOrderId: string, packages?: ShipHeroPackage[]): Promise<ShipResult> {
    return this.control.post<ShipResult>(
      `/orders/${shipHeroOrderId}/ship`,
      packages ? { packages } : {},
    );
  }

  async cancel(shipHeroOrderId: string, reason?: string) {
    return this.control.post<{ fulfillmentStatus: string; messageIds: string[] }>(
      `/orders/${shipHeroOrderId}/cancel`,
      reason ? { reason } : {},
    );
  }
}
