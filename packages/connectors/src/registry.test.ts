import {
  CONNECTORS,
  connectorFor,
  connectorsWithRole,
  findConnector,
  isProviderId,
  PROVIDER_IDS,
} from './registry';

describe('connector registry', () => {
  it('lists each provider once, in registry order', () => {
    expect(new Set(PROVIDER_IDS).size).toBe(CONNECTORS.length);
    expect(PROVIDER_IDS).toEqual(CONNECTORS.map((connector) => connector.id));
  });

  it('names providers in the shape the database accepts (prisma/migrations: *_provider_text)', () => {
    for (const id of PROVIDER_IDS) expect(id).toMatch(/^[a-z][a-z0-9]{1,31}$/);
  });

  it.each(CONNECTORS.map((connector) => [connector.id, connector] as const))(
    '%s: plays a role, is polled when it receives events, and says how its webhooks get registered',
    (id, connector) => {
      expect(connectorFor(id)).toBe(connector);
      expect(connector.roles.length).toBeGreaterThan(0);
      // Whatever events a provider sends may be lost: a delta poll reconciles them. A carrier
      // that only answers checkout's questions receives nothing to reconcile.
      const receives =
        connector.webhook !== undefined ||
        (connector.roles as readonly string[]).some((role) => role !== 'carrier');
      if (receives) expect(connector.polls.length).toBeGreaterThan(0);
      if (connector.webhook) {
        expect(Boolean(connector.registerWebhooks) || Boolean(connector.manualWebhookSetup)).toBe(
          true,
        );
      }
    },
  );

  it.each(CONNECTORS.map((connector) => [connector.id, connector] as const))(
    '%s: says where a rotated secret comes from exactly when it cannot make one',
    (_id, connector) => {
      // No descriptor reads the credentials before it knows whether a secret was given.
      const rotation = connector.rotateSecret({} as never, undefined);
      expect(rotation.ok).toBe(connector.newSecretFrom === undefined);
    },
  );

  it.each(['', 'BigCommerce', '__proto__', 'constructor', 'toString'])(
    'knows no provider %j',
    (name) => {
      expect(isProviderId(name)).toBe(false);
      expect(findConnector(name)).toBeUndefined();
    },
  );

  it('finds providers by role', () => {
    expect(connectorsWithRole('store').map((connector) => connector.id)).toEqual([
      'bigcommerce',
      'commercetools',
    ]);
    expect(connectorsWithRole('tracking').map((connector) => connector.id)).toEqual([
      'aftership',
      'posti',
    ]);
  });
});
