import { authHostOf, hubScopes } from './auth';

describe('hubScopes', () => {
  it('asks for the project’s orders, messages, types, subscriptions and product reads', () => {
    expect(hubScopes('shiplink-fixture', null)).toEqual([
      'manage_orders:shiplink-fixture',
      'view_messages:shiplink-fixture',
      'manage_types:shiplink-fixture',
      'manage_subscriptions:shiplink-fixture',
      'view_products:shiplink-fixture',
    ]);
  });

  it('asks for one store’s orders only, for an API client of that store', () => {
    const scopes = hubScopes('shiplink-fixture', 'nordic');
    expect(scopes[0]).toBe('manage_orders:shiplink-fixture:nordic');
    expect(scopes.filter((scope) => scope.startsWith('manage_orders'))).toHaveLength(1);
    expect(scopes.slice(1)).toEqual(hubScopes('shiplink-fixture', null).slice(1));
  });

  it('never asks for the whole project', () => {
    expect(hubScopes('p', null).join(' ')).not.toMatch(/manage_project/);
  });
});

describe('authHostOf', () => {
  it.each([
    [
      'https://api.europe-west1.gcp.commercetools.com',
      'https://auth.europe-west1.gcp.commercetools.com',
    ],
    [
      'https://api.us-central1.gcp.commercetools.com/',
      'https://auth.us-central1.gcp.commercetools.com',
    ],
    [
      'https://api.australia-southeast1.gcp.commercetools.com/shiplink-fixture/orders',
      'https://auth.australia-southeast1.gcp.commercetools.com',
    ],
    [
      'https://api.eu-central-1.aws.commercetools.com',
      'https://auth.eu-central-1.aws.commercetools.com',
    ],
  ])('%s → %s', (apiUrl, authHost) => {
    expect(authHostOf(apiUrl)).toBe(authHost);
  });

  it('keeps a host without the api. prefix (a local simulator), with its port', () => {
    expect(authHostOf('http://127.0.0.1:4010/shiplink-fixture')).toBe('http://127.0.0.1:4010');
    expect(authHostOf('https://commercetools.internal.example:8443')).toBe(
      'https://commercetools.internal.example:8443',
    );
  });

  it('replaces only a leading api. label', () => {
    expect(authHostOf('https://myapi.example.com')).toBe('https://myapi.example.com');
    expect(authHostOf('https://api.api.example.com')).toBe('https://auth.api.example.com');
  });
});
