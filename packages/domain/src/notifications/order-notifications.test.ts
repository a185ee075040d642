import { notificationSubjectKey, OrderNotificationFactsSchema } from './order-notifications';

describe('order notification facts', () => {
  it.each([
    [{}, true],
    [{ amount: '49.90', currency: 'EUR' }, true],
    [{ amount: '12', items: 0 }, true],
    [{ amount: '49,90' }, false],
    [{ amount: 49.9 }, false],
    [{ currency: 'eur' }, false],
    [{ currency: 'EURO' }, false],
    [{ items: -1 }, false],
    [{ items: 1.5 }, false],
    // Free text has no place in a customer's message: a warehouse note would reach them.
    [{ reason: 'damaged by our packer' }, false],
  ])('%j is %s', (facts, ok) => {
    expect(OrderNotificationFactsSchema.safeParse(facts).success).toBe(ok);
  });
});

describe('notificationSubjectKey', () => {
  const orderId = '3f0c5a52-8d0c-4f6b-9a57-0d2f1c6e7b10';

  it('names a parcel by its shipment and an order’s news by the order and the caller’s ref', () => {
    expect(notificationSubjectKey({ shipmentId: 'a1' })).toBe('shipment:a1');
    expect(notificationSubjectKey({ orderId, subjectRef: 'refund:7' })).toBe(
      `order:${orderId}:refund:7`,
    );
  });

  it('keeps different refs of one order apart', () => {
    const keys = ['r1', 'r2', 'R1', 'r1 '].map((subjectRef) =>
      notificationSubjectKey({ orderId, subjectRef }),
    );
    expect(new Set(keys).size).toBe(4);
  });
});
