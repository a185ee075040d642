import { inventoryJobs } from './inventory';
import { notificationJobs } from './notifications';
import { orderJobs } from './orders';
import { productJobs } from './products';
import { returnJobs } from './returns';
import { shipmentJobs } from './shipments';
import { trackingJobs } from './tracking';

export { orderSubject } from './orders';
export { MAX_SKUS_PER_REFRESH } from './inventory';
export { ReportedReturnSchema } from './returns';

/**
 * The job catalog: every payload the hub enqueues, declared once, one file per queue. Payloads
 * carry the hub's ids and providers' opaque references; workers read the current state
 * themselves.
 */
export const jobs = {
  ...orderJobs,
  ...shipmentJobs,
  ...trackingJobs,
  ...inventoryJobs,
  ...productJobs,
  ...notificationJobs,
  ...returnJobs,
} as const;

export type JobCatalog = typeof jobs;
export type AnyJob = JobCatalog[keyof JobCatalog];

export function findJob(queue: string, name: string): AnyJob | undefined {
  return Object.values(jobs).find((job) => job.queue === queue && job.name === name);
}
