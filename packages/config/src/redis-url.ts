import { z } from 'zod';

/**
 * REDIS_URL names one server (`redis://host:6379/0`, `rediss://` with TLS) or a Redis Cluster:
 * `redis+cluster://[user:password@]host1:7000,host2:7001` (`rediss+cluster://` with TLS; a host
 * without a port means 6379). The listed nodes are only where the client starts; it learns the
 * others from them. One variable either way, so every process of a deployment reads the same.
 */
export interface RedisClusterTarget {
  nodes: { host: string; port: number }[];
  tls: boolean;
  username?: string;
  password?: string;
}

const CLUSTER_SCHEME = /^(rediss?)\+cluster:\/\//i;
const SINGLE_NODE_URL = z.url({ protocol: /^rediss?$/ });

/** The cluster a `redis+cluster://` URL names; undefined for a single-server URL. */
export function parseRedisClusterUrl(url: string): RedisClusterTarget | undefined {
  const scheme = CLUSTER_SCHEME.exec(url);
  if (!scheme) return undefined;
  const rest = url.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash);
  // A cluster has database 0 only; anything else in the path would be silently ignored.
  if (!['', '/', '/0'].includes(path)) {
    throw new Error(`a Redis Cluster URL takes no path or database ("${path}")`);
  }
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at);
  const hosts = authority.slice(at + 1);
  if (!hosts) throw new Error('a Redis Cluster URL lists at least one host:port');
  const nodes = hosts.split(',').map(parseNode);
  const [user = '', password] = userinfo.split(/:(.*)/s, 2);
  return {
    nodes,
    tls: scheme[1]!.toLowerCase() === 'rediss',
    ...(user ? { username: decodeURIComponent(user) } : {}),
    ...(password ? { password: decodeURIComponent(password) } : {}),
  };
}

function parseNode(node: string): { host: string; port: number } {
  let parsed: URL;
  try {
    parsed = new URL(`redis://${node}`);
  } catch {
    throw new Error(`"${node}" is not a host:port`);
  }
  if (!parsed.hostname || parsed.username || parsed.pathname !== '' || parsed.search) {
    throw new Error(`"${node}" is not a host:port`);
  }
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 6379,
  };
}

/** Why a REDIS_URL cannot be used, or undefined when it can. */
export function redisUrlProblem(url: string): string | undefined {
  try {
    if (parseRedisClusterUrl(url)) return undefined;
  } catch (error) {
    return (error as Error).message;
  }
  return SINGLE_NODE_URL.safeParse(url).success
    ? undefined
    : 'must be redis:// or rediss:// (one server), or redis+cluster://host:port,host:port (a cluster)';
}
