import { z } from 'zod';
import { jobKey } from '@shiplink/domain';
import { defineJob } from '../define';
import { externalRef, trigger, uuid } from './refs';

/** The `inventory` queue's product jobs: the store's catalog into the fulfilment system's. */
export const productJobs = {
  /**
   * A store product or one of its variants changed (`connectionId` is the store's connection):
   * read it, and give the store's fulfilment system its variants' weights, dimensions and
   * customs data, recording each SKU's answer. Values given already are not sent again.
   */
  productSync: defineJob({
    queue: 'inventory',
    name: 'product.sync',
    schema: z.object({ connectionId: uuid, productRef: externalRef, trigger }),
    jobId: (p) => jobKey('product-sync', p.connectionId, p.productRef, p.trigger),
    subject: (p) => jobKey('product', p.connectionId, p.productRef),
  }),

  /**
   * SKUs waiting for the fulfilment system to know them (`connectionId` is the fulfilment
   * connection): ask again about the ones due, and give them their values once it does. Costs
   * one query and no provider call when nothing is due.
   */
  productsRecheck: defineJob({
    queue: 'inventory',
    name: 'products.recheck',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('products-recheck', p.connectionId),
  }),
} as const;
