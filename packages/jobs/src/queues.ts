/** Every queue of the hub. Each has a dead-letter queue beside it (`<name>-dlq`). */
export const QUEUES = [
  'orders',
  'shipments',
  'tracking',
  'inventory',
  'notifications',
  'returns',
] as const;
export type QueueName = (typeof QUEUES)[number];

export const deadLetterQueueOf = (queue: QueueName) => `${queue}-dlq` as const;

/**
 * BullMQ keys are `<prefix>:<queue>:…`. The `{queue}` hash tag in the prefix keeps each queue
 * and its dead-letter queue on one Redis Cluster slot, with different queues spread apart.
 */
export function queuePrefix(basePrefix: string, queue: QueueName): string {
  return `${basePrefix}:{${queue}}`;
}
