import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every metric of the hub, declared once. Each process registers them all; a metric a process
 * never touches is simply absent from its scrape (prom-client omits label sets never set).
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const SECONDS_FAST = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const SECONDS_JOB = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const SECONDS_LAG = [1, 5, 15, 30, 60, 300, 900, 1800, 3600, 4 * 3600, 12 * 3600, 86_400];

export const metrics = {
  webhooks: new Counter({
    name: 'shiplink_webhooks_total',
    help: 'Webhooks received, by provider and outcome (accepted, duplicate, unauthorized, invalid, …).',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  }),
  webhookAck: new Histogram({
    name: 'shiplink_webhook_ack_seconds',
    help: 'Time from a webhook request arriving to its answer.',
    labelNames: ['provider'] as const,
    buckets: SECONDS_FAST,
    registers: [registry],
  }),
  inboxLag: new Gauge({
    name: 'shiplink_inbox_lag_seconds',
    help: 'Age of the oldest accepted webhook event not yet handed to a queue (0 when none waits).',
    registers: [registry],
  }),
  webhookLastReceived: new Gauge({
    name: 'shiplink_webhook_last_received_timestamp_seconds',
    help: 'When each connection last received a webhook (Unix time).',
    labelNames: ['provider', 'connection'] as const,
    registers: [registry],
  }),
  queueJobs: new Gauge({
    name: 'shiplink_queue_jobs',
    help: 'Jobs per queue and state; prefix is the BullMQ key prefix with its cluster hash tag.',
    labelNames: ['queue', 'prefix', 'state'] as const,
    registers: [registry],
  }),
  queueOldestAge: new Gauge({
    name: 'shiplink_queue_oldest_job_age_seconds',
    help: 'Age of the oldest job per queue and state (waiting, prioritized, active); 0 when empty.',
    labelNames: ['queue', 'prefix', 'state'] as const,
    registers: [registry],
  }),
  jobDuration: new Histogram({
    name: 'shiplink_job_duration_seconds',
    help: 'Job run time by queue, job name and outcome (completed, retry, dead_lettered, delayed).',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: SECONDS_JOB,
    registers: [registry],
  }),
  jobRetries: new Counter({
    name: 'shiplink_job_retries_total',
    help: 'Failed job attempts that will be retried, by queue, job name and classified reason.',
    labelNames: ['queue', 'job', 'reason'] as const,
    registers: [registry],
  }),
  deadLetters: new Counter({
    name: 'shiplink_dead_letters_total',
    help: 'Jobs moved to a dead-letter queue, by queue, job name and classified reason.',
    labelNames: ['queue', 'job', 'reason'] as const,
    registers: [registry],
  }),
  retentionDeleted: new Counter({
    name: 'shiplink_retention_deleted_total',
    help: 'Rows retention deleted past their window, by target (for timelines: parcels pruned).',
    labelNames: ['target'] as const,
    registers: [registry],
  }),
  providerRequests: new Counter({
    name: 'shiplink_provider_requests_total',
    help: 'Calls to providers by provider, endpoint template and HTTP status ("network" if none).',
    labelNames: ['provider', 'endpoint', 'status'] as const,
    registers: [registry],
  }),
  providerRequestDuration: new Histogram({
    name: 'shiplink_provider_request_seconds',
    help: 'Provider call time, retries in the same call included.',
    labelNames: ['provider', 'endpoint'] as const,
    buckets: SECONDS_FAST,
    registers: [registry],
  }),
  rateLimitWaits: new Histogram({
    name: 'shiplink_rate_limit_wait_seconds',
    help: 'Waits for a provider budget before a call, by provider (count = number of waits).',
    labelNames: ['provider'] as const,
    buckets: SECONDS_FAST,
    registers: [registry],
  }),
  rateLimited: new Counter({
    name: 'shiplink_provider_rate_limited_total',
    help: 'HTTP 429 answers from providers, by provider and endpoint template.',
    labelNames: ['provider', 'endpoint'] as const,
    registers: [registry],
  }),
  unmappedCarrierStatuses: new Counter({
    name: 'shiplink_unmapped_carrier_statuses_total',
    help: 'Tracking events whose provider status had no canonical mapping, by provider.',
    labelNames: ['provider'] as const,
    registers: [registry],
  }),
  trackingLag: new Histogram({
    name: 'shiplink_tracking_lag_seconds',
    help: 'Time from a carrier checkpoint to the hub applying it, by tracking provider.',
    labelNames: ['provider'] as const,
    buckets: SECONDS_LAG,
    registers: [registry],
  }),
  notifications: new Counter({
    name: 'shiplink_notifications_total',
    help: 'Customer notifications by channel, trigger and outcome (sent, skipped, failed, …).',
    labelNames: ['channel', 'trigger', 'outcome'] as const,
    registers: [registry],
  }),
};
