import { TRACKING_STATUSES } from '../tracking/status';
import {
  channelsFor,
  isOrderNotificationTrigger,
  NOTIFICATION_TRIGGERS,
  NotificationSettingsSchema,
  ORDER_NOTIFICATION_TRIGGERS,
  PARCEL_NOTIFICATION_TRIGGERS,
  triggerOf,
} from './rules';

describe('notification rules', () => {
  it('has a trigger for the statuses customers hear about, and none for the others', () => {
    const triggers = Object.fromEntries(TRACKING_STATUSES.map((s) => [s, triggerOf(s) ?? null]));
    expect(triggers).toMatchObject({
      info_received: 'shipped',
      in_transit: 'shipped',
      out_for_delivery: 'out_for_delivery',
      available_for_pickup: 'available_for_pickup',
      delivered: 'delivered',
      return_to_sender: 'returned',
      returned: 'returned',
      pending: null,
      on_hold: null,
      tracking_error: null,
      unknown: null,
    });
  });

  const facts = {
    trigger: 'out_for_delivery' as const,
    country: 'FI',
    shippingMethod: 'Posti Kotipaketti',
    carrierSlug: 'posti',
  };

  it('is off until the store turns it on, then sends the default channels', () => {
    expect(channelsFor(NotificationSettingsSchema.parse({}), facts)).toEqual([]);
    expect(channelsFor(NotificationSettingsSchema.parse({ enabled: true }), facts)).toEqual([
      'email',
      'sms',
    ]);
  });

  it('applies a rule only to the regions, shipping methods and carriers it names', () => {
    const settings = NotificationSettingsSchema.parse({
      enabled: true,
      rules: [
        { trigger: 'out_for_delivery', channels: ['sms'], countries: ['SE'] },
        { trigger: 'out_for_delivery', channels: ['email'], shippingMethods: ['kotipaketti'] },
        { trigger: 'delivered', channels: ['email'], carriers: ['ups'] },
      ],
    });
    expect(channelsFor(settings, facts)).toEqual(['email']);
    expect(channelsFor(settings, { ...facts, country: 'SE' })).toEqual(['email', 'sms']);
    expect(channelsFor(settings, { ...facts, shippingMethod: 'Express' })).toEqual([]);
    expect(channelsFor(settings, { ...facts, trigger: 'delivered' })).toEqual([]);
    expect(channelsFor(settings, { ...facts, trigger: 'delivered', carrierSlug: 'ups' })).toEqual([
      'email',
    ]);
  });

  it('refuses rules it cannot read', () => {
    expect(
      NotificationSettingsSchema.safeParse({ rules: [{ trigger: 'lost', channels: ['email'] }] })
        .success,
    ).toBe(false);
    expect(
      NotificationSettingsSchema.safeParse({ sms: { quietHours: { start: '25:00' } } }).success,
    ).toBe(false);
  });

  it('knows the order triggers apart from the parcel ones, and no status is one', () => {
    expect(NOTIFICATION_TRIGGERS).toEqual([
      ...PARCEL_NOTIFICATION_TRIGGERS,
      ...ORDER_NOTIFICATION_TRIGGERS,
    ]);
    expect(ORDER_NOTIFICATION_TRIGGERS.filter(isOrderNotificationTrigger)).toHaveLength(6);
    expect(PARCEL_NOTIFICATION_TRIGGERS.some(isOrderNotificationTrigger)).toBe(false);
    expect(isOrderNotificationTrigger('nonsense')).toBe(false);
    const fromStatuses = TRACKING_STATUSES.map(triggerOf).filter((t) => t !== undefined);
    expect(fromStatuses.some(isOrderNotificationTrigger)).toBe(false);
  });

  const orderNews = { country: 'FI', shippingMethod: 'Posti Kotipaketti', carrierSlug: null };

  it.each(ORDER_NOTIFICATION_TRIGGERS)(
    'e-mails %s by default, and texts only when a rule says',
    (trigger) => {
      const defaults = NotificationSettingsSchema.parse({ enabled: true });
      expect(channelsFor(defaults, { ...orderNews, trigger })).toEqual(['email']);
      expect(channelsFor(NotificationSettingsSchema.parse({}), { ...orderNews, trigger })).toEqual(
        [],
      );
      const texts = NotificationSettingsSchema.parse({
        enabled: true,
        rules: [{ trigger, channels: ['email', 'sms'], countries: ['FI'] }],
      });
      expect(channelsFor(texts, { ...orderNews, trigger })).toEqual(['email', 'sms']);
      expect(channelsFor(texts, { ...orderNews, trigger, country: 'SE' })).toEqual([]);
    },
  );

  it('keeps the parcel defaults as they were', () => {
    const defaults = NotificationSettingsSchema.parse({ enabled: true });
    const parcel = { country: 'FI', shippingMethod: null, carrierSlug: 'posti' };
    expect(
      Object.fromEntries(
        PARCEL_NOTIFICATION_TRIGGERS.map((trigger) => [
          trigger,
          channelsFor(defaults, { ...parcel, trigger }),
        ]),
      ),
    ).toEqual({
      shipped: ['email'],
      out_for_delivery: ['email', 'sms'],
      available_for_pickup: ['email', 'sms'],
      delivered: ['email'],
      exception: ['email'],
      attempt_failed: ['email', 'sms'],
      returned: ['email'],
      delayed: ['email'],
    });
  });

  it('never applies a rule that names carriers to an order’s news', () => {
    const settings = NotificationSettingsSchema.parse({
      enabled: true,
      rules: [{ trigger: 'refund_issued', channels: ['sms'], carriers: ['posti'] }],
    });
    expect(channelsFor(settings, { ...orderNews, trigger: 'refund_issued' })).toEqual([]);
  });
});
