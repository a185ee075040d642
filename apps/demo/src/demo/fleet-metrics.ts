import { say } from './print';

/** `name{labels} value` lines of one metric, summed by the labels asked for. */
function sumBy(text: string, metric: string, labels: string[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    const key = labels.map((label) => /"([^"]*)"/.exec(line.split(`${label}=`)[1] ?? '')?.[1]);
    const name = key.join(' ');
    sums.set(name, (sums.get(name) ?? 0) + value);
  }
  return sums;
}

const scrape = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

/** What the fleet's /metrics say after the stories: webhooks in, jobs run, provider calls out. */
export async function printFleetMetrics(opsPorts: Map<string, number>): Promise<void> {
  const texts = await Promise.all([...opsPorts.values()].map(scrape));
  const all = texts.join('\n');
  const webhooks = sumBy(all, 'shiplink_webhooks_total', ['provider', 'outcome']);
  const jobs = sumBy(all, 'shiplink_job_duration_seconds_count', ['queue', 'outcome']);
  const calls = sumBy(all, 'shiplink_provider_requests_total', ['provider']);
  const line = (sums: Map<string, number>) =>
    [...sums].map(([key, value]) => `${key} ${value}`).join(', ');
  say.info(
    `Metrics           http://127.0.0.1:${opsPorts.get('ingress')}/metrics (ingress; each app has its own port, ${[...opsPorts.values()].join(', ')})`,
  );
  say.dim(`  webhooks: ${line(webhooks)}`);
  say.dim(`  jobs: ${line(jobs)}`);
  say.dim(`  provider calls: ${line(calls)}`);
}
