import { TRACKING_STATUSES } from '../tracking/status';
import { channelsFor, NotificationSettingsSchema, triggerOf } from './rules';

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
});
