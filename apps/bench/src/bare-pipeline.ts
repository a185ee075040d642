import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ProviderId } from '@shiplink/connectors';
import { SIMULATORS } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';

const openAccount = (provider: ProviderId, baseUrl: string) => {
  const entry = SIMULATORS.find((simulator) => simulator.provider === provider);
  if (!entry) throw new Error(`no ${provider} simulator`);
  return entry.openAccount(baseUrl, {});
};

export interface BarePipeline {
  storeHash: string;
  bigcommerce: SimulatorControl;
  worker: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The bare order pipeline beside ours: a store of its own whose order webhooks go to the bare
 * endpoint's `/orders` (a plain BullMQ queue), and a plain worker exporting them to a
 * ShipStation account of its own, so that neither pipeline sees the other's traffic.
 */
export async function startBarePipeline(ctx: {
  bareEndpointUrl: string;
  simUrls: { bigcommerce: string; shipstation: string };
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
}): Promise<BarePipeline> {
  const store = await openAccount('bigcommerce', ctx.simUrls.bigcommerce);
  const fulfilment = await openAccount('shipstation', ctx.simUrls.shipstation);
  const hooks = await fetch(
    `${ctx.simUrls.bigcommerce}/stores/${store.credentials.storeHash!}/v3/hooks`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Auth-Token': store.credentials.accessToken!,
      },
      body: JSON.stringify({
        scope: 'store/order/created',
        destination: `${ctx.bareEndpointUrl}/orders`,
        is_active: true,
      }),
    },
  );
  if (!hooks.ok) throw new Error(`the bare store's hook was refused: ${hooks.status}`);
  const worker = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'bare-worker.ts')],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: ctx.databaseUrl,
        REDIS_URL: ctx.redisUrl,
        QUEUE_PREFIX: ctx.queuePrefix,
        BARE_STORE_URL: ctx.simUrls.bigcommerce,
        BARE_STORE_HASH: store.credentials.storeHash!,
        BARE_STORE_TOKEN: store.credentials.accessToken!,
        BARE_SHIPSTATION_URL: ctx.simUrls.shipstation,
        BARE_SHIPSTATION_KEY: fulfilment.credentials.apiKey!,
        BARE_SHIPSTATION_SECRET: fulfilment.credentials.apiSecret!,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    worker.once('exit', (code) => reject(new Error(`the bare worker exited with ${code}`)));
    worker.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('bare worker ready')) resolve();
    });
  });
  worker.removeAllListeners('exit');
  return {
    storeHash: store.credentials.storeHash!,
    bigcommerce: new SimulatorControl(ctx.simUrls.bigcommerce),
    worker,
    stop: () =>
      new Promise((resolve) => {
        worker.once('exit', () => resolve());
        worker.kill('SIGTERM');
      }),
  };
}
