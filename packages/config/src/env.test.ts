import { ConfigError, envVars, parseEnv } from './index';

describe('parseEnv', () => {
  const shape = {
    DATABASE_URL: envVars.databaseUrl,
    REDIS_URL: envVars.redisUrl,
    PORT: envVars.port,
    ENCRYPTION_KEY: envVars.encryptionKey,
  };

  it('parses and applies defaults', () => {
    const env = parseEnv(shape, {
      DATABASE_URL: 'postgresql://u@localhost:5432/db',
      PORT: '8080',
      ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    expect(env).toEqual({
      DATABASE_URL: 'postgresql://u@localhost:5432/db',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 8080,
      ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      parseEnv(shape, { PORT: 'eighty', ENCRYPTION_KEY: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/DATABASE_URL is not set/);
    expect(problems.join('\n')).toMatch(/PORT is invalid/);
    expect(problems.join('\n')).toMatch(/ENCRYPTION_KEY is invalid: must be 32 bytes/);
  });
});
