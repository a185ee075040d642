import type { Principal } from '../api/types';
import { href, parseRoute, safeNext, visibleScreens } from './routes';

const user = (role: 'owner' | 'operator' | 'viewer'): Principal => ({
  kind: 'user',
  tenantId: 't',
  userId: 'u',
  email: 'a@b.test',
  role,
});

describe('routes', () => {
  it('reads the screen and its decoded parameters', () => {
    const route = parseRoute('/console/orders/store-1/A%2F7', '?q=x', '/console/');
    expect(route.screen).toBe('orders');
    expect(route.params).toEqual(['store-1', 'A/7']);
    expect(route.query.get('q')).toBe('x');
  });

  it.each(['/console/', '/console', '/console/nowhere', '/elsewhere/orders'])(
    'sends %s to the first screen',
    (path) => {
      expect(parseRoute(path, '', '/console/')).toMatchObject({
        screen: 'connections',
        params: [],
      });
    },
  );

  it('keeps a segment that is not valid percent-encoding as it is', () => {
    expect(parseRoute('/console/orders/s/100%', '', '/console/').params).toEqual(['s', '100%']);
  });

  it('builds links that read back as the same route', () => {
    const link = href('/console/', 'orders', 'store 1', '12#3');
    expect(link).toBe('/console/orders/store%201/12%233');
    expect(parseRoute(link, '', '/console/').params).toEqual(['store 1', '12#3']);
  });

  it('lists users and tokens for owners and the platform only', () => {
    const ids = (principal: Principal) => visibleScreens(principal).map((screen) => screen.id);
    expect(ids(user('owner'))).toContain('users');
    expect(ids({ kind: 'platform' })).toContain('users');
    expect(ids(user('operator'))).not.toContain('users');
    expect(ids(user('viewer'))).not.toContain('users');
  });
});

describe('safeNext', () => {
  it.each([
    ['/admin/queues', '/admin/queues'],
    ['/admin/queues/queue/orders', '/admin/queues/queue/orders'],
    [null, undefined],
    ['', undefined],
    ['https://evil.test/admin/queues', undefined],
    ['//evil.test/admin/queues', undefined],
    ['/\\evil.test', undefined],
    ['/admin/queuesx', undefined],
    ['/admin/api/users', undefined],
  ])('goes back to %p as %p', (value, expected) => {
    expect(safeNext(value)).toBe(expected);
  });
});
