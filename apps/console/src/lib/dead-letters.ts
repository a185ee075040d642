import { dayBoundary } from './period';

/** The dead-letter filters as the form holds them (days as `YYYY-MM-DD`). */
export interface DeadLetterForm {
  queue: string;
  provider: string;
  reason: string;
  status: '' | 'open' | 'replayed';
  fromDay: string;
  toDay: string;
}

export const EMPTY_FILTER: DeadLetterForm = {
  queue: '',
  provider: '',
  reason: '',
  status: 'open',
  fromDay: '',
  toDay: '',
};

export interface DeadLetterFilter {
  queue?: string;
  provider?: string;
  reason?: string;
  status?: 'open' | 'replayed';
  from?: string;
  to?: string;
}

/**
 * The filter the API takes, for the list and for "replay all matching" alike, so both select
 * the same dead letters: blank fields left out, days as instants (the last day included).
 */
export function deadLetterFilter(form: DeadLetterForm): DeadLetterFilter {
  const filter: DeadLetterFilter = {};
  const queue = form.queue.trim();
  const provider = form.provider.trim();
  const reason = form.reason.trim();
  if (queue) filter.queue = queue;
  if (provider) filter.provider = provider;
  if (reason) filter.reason = reason;
  if (form.status) filter.status = form.status;
  const from = dayBoundary(form.fromDay, 'start');
  const to = dayBoundary(form.toDay, 'end');
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

export type ReplayRequest =
  { ids: string[]; dryRun: boolean } | { filter: DeadLetterFilter; dryRun: boolean };

/** What a replay asks for: the ticked dead letters, or every one the filter matches. */
export function replayRequest(
  target: { ids: readonly string[] } | { filter: DeadLetterFilter },
  dryRun: boolean,
): ReplayRequest {
  return 'ids' in target ? { ids: [...target.ids], dryRun } : { filter: target.filter, dryRun };
}
