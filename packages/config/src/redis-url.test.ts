import { envVars, parseEnv, parseRedisClusterUrl, redisUrlProblem } from './index';

describe('REDIS_URL', () => {
  it('takes a single-server URL as it is', () => {
    expect(parseRedisClusterUrl('redis://127.0.0.1:6379/2')).toBeUndefined();
    expect(redisUrlProblem('rediss://user:secret@cache.internal:6380')).toBeUndefined();
  });

  it('reads the seed nodes and credentials of a cluster URL', () => {
    expect(
      parseRedisClusterUrl('rediss+cluster://app:p%40ss:w@node-a:7000,10.0.0.2:7001,[::1]:7002/'),
    ).toEqual({
      nodes: [
        { host: 'node-a', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      tls: true,
      username: 'app',
      password: 'p@ss:w',
    });
    expect(parseRedisClusterUrl('redis+cluster://:secret@redis-cluster')).toEqual({
      nodes: [{ host: 'redis-cluster', port: 6379 }],
      tls: false,
      password: 'secret',
    });
  });

  it.each([
    ['no host', 'redis+cluster://', /at least one host/],
    ['an empty host in the list', 'redis+cluster://a:7000,,b:7001', /is not a host:port/],
    ['a database', 'redis+cluster://a:7000/3', /no path or database/],
    ['another scheme', 'http://a:7000', /redis\+cluster:\/\//],
  ])('refuses %s with a reason', (_case, url, reason) => {
    expect(redisUrlProblem(url)).toMatch(reason);
  });

  it('is checked when the environment is parsed', () => {
    const shape = { REDIS_URL: envVars.redisUrl };
    expect(parseEnv(shape, { REDIS_URL: 'redis+cluster://a:7000,b:7001' }).REDIS_URL).toBe(
      'redis+cluster://a:7000,b:7001',
    );
    expect(() => parseEnv(shape, { REDIS_URL: 'redis+cluster://a:7000/1' })).toThrow(
      /REDIS_URL is invalid: a Redis Cluster URL takes no path/,
    );
  });
});
