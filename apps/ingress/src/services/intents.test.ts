import type { WebhookIntent } from '@shiplink/connectors';
import { digest, jobKey } from '@shiplink/domain';
import { MAX_SKUS_PER_REFRESH } from '@shiplink/jobs';
import { jobForIntent } from './intents';

const connectionId = '6f1c1f0e-4f4e-4d55-9a53-1f1e0f3c2b10';
const eventRef = 'msg_2b1';
const trigger = digest(eventRef, 16);
const batch = 'https://ssapi.shipstation.com/shipments?batchId=1';

/** Job ids are what keeps a redelivery from running twice: they must not drift. */
describe('jobForIntent', () => {
  it.each<[WebhookIntent, string, string]>([
    [
      { kind: 'order.changed', orderRef: '4017' },
      'order.import',
      jobKey('order-import', connectionId, '4017', trigger),
    ],
    [
      { kind: 'store-shipment.changed', orderRef: '4017', shipmentRef: '9', change: 'created' },
      'store-shipment.sync',
      jobKey('store-shipment-sync', connectionId, '9', trigger),
    ],
    [
      { kind: 'shipments.available', batchRef: batch },
      'shipments.fetch',
      jobKey('shipments-fetch', connectionId, digest(batch)),
    ],
    [
      { kind: 'fulfilment-order.changed', fulfilmentOrderRef: 'T3JkZXI6MQ==' },
      'fulfilment-order.sync',
      jobKey('fulfilment-order-sync', connectionId, 'T3JkZXI6MQ==', trigger),
    ],
    [
      { kind: 'stock.changed', skus: ['TENT-2P', 'STOVE-MINI', 'TENT-2P'] },
      'stock.refresh',
      jobKey('stock-refresh', connectionId, trigger, digest('STOVE-MINI\nTENT-2P', 16)),
    ],
    [
      {
        kind: 'stock.changed',
        skus: Array.from({ length: MAX_SKUS_PER_REFRESH + 1 }, (_, i) => `SKU-${i}`),
      },
      'stock.poll',
      jobKey('stock-poll', connectionId),
    ],
    [
      { kind: 'tracking.updated', trackingRef: 't1', eventRef: 'e1' },
      'tracking.event',
      jobKey('tracking-event', connectionId, 'e1'),
    ],
  ])('%o → %s with a stable id', (intent, name, id) => {
    const job = jobForIntent(intent, connectionId, eventRef);
    if (!job) throw new Error(`${intent.kind} gave no job`);
    expect(job.definition.name).toBe(name);
    expect(job.definition.jobId(job.payload)).toBe(id);
    expect(job.definition.schema.safeParse(job.payload).success).toBe(true);
  });
});
