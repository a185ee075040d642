import { envVars, parseEnv } from '@shiplink/config';
import { startSimulators } from '@shiplink/connectors/simulators';
import { createLogger } from '@shiplink/logger';
import { z } from 'zod';

/**
 * The provider simulators as one process: what the demo and local development point their
 * connections at. Switching a connection's base URL to the real provider is the only change.
 */
const env = parseEnv({
  HOST: z.string().default('127.0.0.1'),
  BIGCOMMERCE_SIM_PORT: envVars.port.default(4101),
  SHIPSTATION_SIM_PORT: envVars.port.default(4102),
  AFTERSHIP_SIM_PORT: envVars.port.default(4103),
  /** Requests per window; raise them for load tests (real quotas: 150/30 s and 40/60 s). */
  BIGCOMMERCE_SIM_QUOTA: envVars.positiveInt.default(150),
  SHIPSTATION_SIM_QUOTA: envVars.positiveInt.default(40),
  LOG_LEVEL: envVars.logLevel,
});

const logger = createLogger({ service: 'simulators', level: env.LOG_LEVEL });

startSimulators({
  host: env.HOST,
  ports: {
    bigcommerce: env.BIGCOMMERCE_SIM_PORT,
    shipstation: env.SHIPSTATION_SIM_PORT,
    aftership: env.AFTERSHIP_SIM_PORT,
  },
  quotas: { bigcommerce: env.BIGCOMMERCE_SIM_QUOTA, shipstation: env.SHIPSTATION_SIM_QUOTA },
})
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
