import { HttpProblem } from '../http/problems';
import { webhookTargetOf } from './webhook-path';

describe('webhookTargetOf', () => {
  it.each([
    ['/webhooks/bigcommerce/c1', { provider: 'bigcommerce', connectionId: 'c1' }],
    ['/webhooks/bigcommerce/c1/', { provider: 'bigcommerce', connectionId: 'c1' }],
    ['/webhooks/bigcommerce/c1?x=1', { provider: 'bigcommerce', connectionId: 'c1' }],
    ['/WEBHOOKS/bigcommerce/c1', { provider: 'bigcommerce', connectionId: 'c1' }],
    [
      '/webhooks/shipstation/c1/s%2Fcret',
      { provider: 'shipstation', connectionId: 'c1', secret: 's/cret' },
    ],
  ])('reads %s', (url, target) => {
    expect(webhookTargetOf(url)).toEqual(target);
  });

  it.each(['/webhooks/bigcommerce', '/webhooks/a/b/c/d', '/webhooks//c1', '/admin/api/x', '/'])(
    'leaves %s to the app',
    (url) => {
      expect(webhookTargetOf(url)).toBeUndefined();
    },
  );

  it('answers segments that do not decode with 400', () => {
    const problem = webhookTargetOf('/webhooks/bigcommerce/%zz');
    expect(problem).toBeInstanceOf(HttpProblem);
    expect(problem).toMatchObject({ status: 400, code: 'malformed_url' });
  });
});
