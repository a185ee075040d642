import { envVars, parseEnv } from '@shiplink/config';
import { SIMULATORS, simulatorEnvVar, startSimulators } from '@shiplink/connectors/simulators';
import { createLogger } from '@shiplink/logger';
import { z } from 'zod';

/**
 * The provider simulators as one process: what the demo and local development point their
 * connections at. Switching a connection's base URL to the real provider is the only change.
 * Each provider's port and quota are `<PROVIDER>_SIM_PORT` and `<PROVIDER>_SIM_QUOTA` (requests
 * per window: raise it for load tests; the default is the provider's published quota).
 */
const env = parseEnv({
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: envVars.logLevel,
});
const perProvider: Record<string, z.ZodType<number | undefined>> = {};
for (const { provider, defaultPort, quota } of SIMULATORS) {
  perProvider[simulatorEnvVar(provider, 'PORT')] = envVars.port.default(defaultPort);
  if (quota) perProvider[simulatorEnvVar(provider, 'QUOTA')] = envVars.positiveInt.optional();
}
const settings = parseEnv(perProvider);

const logger = createLogger({ service: 'simulators', level: env.LOG_LEVEL });

/** One setting per provider, for the providers that have it. */
const byProvider = (name: 'PORT' | 'QUOTA') =>
  Object.fromEntries(
    SIMULATORS.flatMap(({ provider }) => {
      const value = settings[simulatorEnvVar(provider, name)];
      return value === undefined ? [] : [[provider, value]];
    }),
  );

startSimulators({ host: env.HOST, ports: byProvider('PORT'), quotas: byProvider('QUOTA') })
  .then((running) => {
    logger.info('simulators listening', running.urls);
    const stop = () => {
      void running.close().then(() => process.exit(0));
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  })
  .catch((error: unknown) => {
    logger.error('simulators failed to start', { error });
    process.exit(1);
  });
