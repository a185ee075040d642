import { ORDER_STATUSES } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { giftOrder, splitOrder } from '../shipstation/fixtures/canonical-orders';
import { holdsFor, shipHeroStatusFor, toShipHeroOrder } from './mapping';

const context = { orderKey: 'bc-s1-10490', shopName: 'Berg Outfitters' };

describe('ShipHero order mapping', () => {
  it('numbers a split order per destination and gives each its share of the money', () => {
    const [home, office] = splitOrder.destinations.map((destination) =>
      toShipHeroOrder(splitOrder, destination, context),
    );
    expect([home?.order_number, office?.order_number]).toEqual(['10490-1', '10490-2']);
    // The same split as the ShipStation orders: weights 25 and 70 of 95.
    expect([home?.total_tax, office?.total_tax]).toEqual(['2.50', '7.00']);
    expect([home?.total_price, office?.total_price]).toEqual(['27.50', '77.00']);
    expect(home?.line_items.map((line) => line.partner_line_item_id)).toEqual(['8801']);
    expect(office?.shipping_address).toMatchObject({ company: 'Berg & Sons Carpentry' });
  });

  it('keeps the store’s own subtotal, notes and gift message on a single-destination order', () => {
    const destination = giftOrder.destinations[0];
    if (!destination) throw new Error('fixture has a destination');
    const input = toShipHeroOrder(giftOrder, destination, context);
    expect(input).toMatchObject({
      order_number: giftOrder.orderNumber,
      partner_order_id: 'bc-s1-10490',
      shop_name: 'Berg Outfitters',
      subtotal: giftOrder.totals.subtotal,
      gift_note: expect.stringContaining('Happy birthday'),
    });
  });

  it('carries order-level discounts, split like the rest of the money', () => {
    const discounted = { ...splitOrder, totals: { ...splitOrder.totals, discount: '9.50' } };
    const [home, office] = discounted.destinations.map((destination) =>
      toShipHeroOrder(discounted, destination, context),
    );
    const shares = [home?.total_discounts, office?.total_discounts].map(Number);
    expect(shares[0]! + shares[1]!).toBeCloseTo(9.5, 2);
    expect(shares.every((share) => share > 0)).toBe(true);
    const [single] = giftOrder.destinations;
    const whole = toShipHeroOrder(
      { ...giftOrder, totals: { ...giftOrder.totals, discount: '4.80' } },
      single!,
      context,
    );
    expect(whole.total_discounts).toBe('4.80');
  });

  it('refuses a destination of another order', () => {
    const [first] = splitOrder.destinations;
    if (!first) throw new Error('fixture has destinations');
    const foreign = { ...first, addressExternalId: 'elsewhere' };
    expect(() => toShipHeroOrder(splitOrder, foreign, context)).toThrow(PermanentError);
  });

  it.each(ORDER_STATUSES)('has a decision for %s', (status) => {
    const target = shipHeroStatusFor(status);
    expect([undefined, 'pending', 'canceled']).toContain(target);
    expect(holdsFor(status).payment_hold).toBe(status === 'awaiting_payment');
  });
});
