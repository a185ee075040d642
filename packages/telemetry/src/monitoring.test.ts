import { registry } from './metrics';
import {
  adminApiRoutes,
  alertProblems,
  dashboardProblems,
  dashboardQueries,
  findPromtool,
  ingressCli,
  panelsOf,
  promtoolCheckRules,
  readDashboard,
  readRuleFile,
  ruleFileProblems,
  rulesOf,
  runbookProblems,
} from './test/monitoring-files';
import { Expression, knownSeries, type Known } from './test/promql-check';

// The alerting rules and the Grafana dashboard in docker/monitoring, checked against the metrics
// this package declares: every PromQL expression must parse, and every metric and label it names
// must exist, so a renamed metric or label breaks this test rather than an alert in production.

let known: Known;
beforeAll(async () => {
  known = await knownSeries();
});

describe('alerting rules (docker/monitoring/alerts.yaml)', () => {
  const file = readRuleFile();
  const rules = rulesOf(file);

  it('are alerts with a for, a severity, a summary, a description and a runbook', () => {
    expect(ruleFileProblems(file)).toEqual([]);
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'ShiplinkDeadLettersGrowing',
        'ShiplinkQueueJobWaitingTooLong',
        'ShiplinkProviderRateLimited',
        'ShiplinkProviderErrors',
        'ShiplinkWebhookErrors',
        'ShiplinkWebhookSubscriptionQuiet',
        'ShiplinkInboxLag',
      ]),
    );
  });

  it('parse, and name only exported metrics and labels, templates included', () => {
    expect(rules.flatMap((rule) => alertProblems(rule, known))).toEqual([]);
  });

  it('name only CLI commands and admin API routes the ingress has', () => {
    const cli = ingressCli();
    const routes = adminApiRoutes();
    expect(rules.flatMap((rule) => runbookProblems(rule, cli, routes))).toEqual([]);
  });

  const promtool = findPromtool();
  (promtool ? it : it.skip)(
    promtool ? 'pass promtool check rules' : 'are not given to promtool: it is not on PATH',
    () => {
      expect(promtoolCheckRules(promtool!)).toMatch(`SUCCESS: ${rules.length} rules found`);
    },
  );
});

describe('Grafana dashboard (docker/monitoring/grafana-dashboard.json)', () => {
  const dashboard = readDashboard();

  it('has typed panels with units, every query on the ${datasource} variable', () => {
    expect(dashboardProblems(dashboard)).toEqual([]);
  });

  it('parses, and names only exported metrics, labels and declared variables', () => {
    expect(dashboardQueries(dashboard, known).problems).toEqual([]);
  });

  it("shows every one of the hub's own metrics", async () => {
    const shown = dashboardQueries(dashboard, known).metrics;
    const own = (await registry.getMetricsAsJSON())
      .map((m) => m.name)
      .filter((n) => n.startsWith('shiplink_'));
    expect(own.filter((name) => !shown.has(name))).toEqual([]);
  });
});

describe('the checks', () => {
  const problems = (expr: string) => new Expression(expr, known).problems;

  it('accept histogram series, counters, default metrics, target labels and added labels', () => {
    expect(
      problems(
        'histogram_quantile(0.95, sum by (le, queue) (rate(shiplink_job_duration_seconds_bucket{namespace="x"}[5m])))' +
          ' / on (queue) group_left (source_queue) label_replace(max by (queue) ' +
          '(shiplink_queue_jobs{state="failed"}), "source_queue", "$1", "queue", "(.+)-dlq")',
      ),
    ).toEqual([]);
    expect(
      problems('sum by (pod) (rate(process_cpu_seconds_total[5m])) + sum by (pod) (up)'),
    ).toEqual([]);
    expect(
      problems(
        '{__name__=~"shiplink_webhooks_total|shiplink_notifications_total", outcome="error"}',
      ),
    ).toEqual([]);
  });

  it('fail a misspelt metric, by name or by __name__', () => {
    expect(problems('sum(rate(shiplink_webhook_total[5m]))')).toEqual([
      'unknown metric shiplink_webhook_total',
    ]);
    expect(problems('{__name__="shiplink_queue_job"}')).toEqual([
      'unknown metric shiplink_queue_job',
    ]);
    expect(problems('shiplink_job_duration_seconds')).toEqual([
      'unknown metric shiplink_job_duration_seconds',
    ]);
  });

  it('fail a syntax error', () => {
    expect(problems('sum by (queue (shiplink_queue_jobs)')).toEqual([
      expect.stringMatching(/^syntax error/),
    ]);
    expect(problems('rate(shiplink_webhooks_total[5m]')).toEqual([
      expect.stringMatching(/^syntax error/),
    ]);
  });

  it('fail a label the metric does not have, in a matcher, by () or on ()', () => {
    expect(problems('shiplink_queue_jobs{queues="orders"}')).toEqual([
      expect.stringContaining('uses label "queues"'),
    ]);
    expect(problems('sum by (provider) (shiplink_queue_jobs)')).toEqual([
      expect.stringContaining('uses label "provider"'),
    ]);
    expect(
      problems('shiplink_queue_jobs * on (provider) shiplink_queue_oldest_job_age_seconds'),
    ).toHaveLength(2);
  });

  it('fail a label an inner aggregation dropped, and histogram_quantile without le', () => {
    expect(problems('max by (state) (sum by (queue) (shiplink_queue_jobs))')).toEqual([
      'max by (state) uses label "state", not among {queue}',
    ]);
    expect(
      problems(
        'histogram_quantile(0.9, sum by (queue) (rate(shiplink_job_duration_seconds_bucket[5m])))',
      ),
    ).toEqual(['histogram_quantile uses label "le", not among {queue}']);
  });

  it('fail one-to-one matching of series with different labels', () => {
    expect(
      problems(
        'sum by (provider) (shiplink_webhooks_total) / sum by (queue) (shiplink_job_retries_total)',
      ),
    ).toEqual(['one-to-one matching of {provider} with {queue} pairs no series']);
  });

  it('fail an alert or a legend templating a label its expression drops', () => {
    const rule = {
      alert: 'Example',
      expr: 'sum by (queue) (shiplink_queue_jobs) > 0',
      annotations: { summary: '{{ $labels.queue }} {{ $labels.state }}' },
    };
    expect(alertProblems(rule, known)).toEqual(['Example: $labels.state: not a label']);
    const dashboard = readDashboard();
    const target = panelsOf(dashboard).find((panel) => panel.targets?.length)!.targets![0]!;
    target.legendFormat = '{{no_such_label}}';
    target.expr = String(target.expr).replace('$namespace', '$tenant');
    expect(dashboardQueries(dashboard, known).problems).toEqual([
      expect.stringContaining('$tenant: no such variable'),
      expect.stringContaining('{{no_such_label}}: not a label'),
    ]);
  });

  it('fail a rule without runbook, a duplicate name and a panel off the datasource variable', () => {
    const file = readRuleFile();
    const [first, second] = file.groups![0]!.rules!;
    delete first!.annotations!.runbook;
    second!.alert = first!.alert;
    expect(ruleFileProblems(file)).toEqual([
      `${String(first!.alert)}: no annotations.runbook`,
      `${String(first!.alert)}: defined twice`,
    ]);
    const dashboard = readDashboard();
    const panel = panelsOf(dashboard).find((p) => p.type === 'timeseries')!;
    panel.datasource = { uid: 'prometheus' };
    expect(dashboardProblems(dashboard)).toEqual([
      expect.stringContaining('datasource is not ${datasource}'),
    ]);
  });

  it('fail a runbook naming a CLI command or an admin route that does not exist', () => {
    const rule = {
      alert: 'Example',
      annotations: {
        runbook:
          'Run `node dist/cli.js dlq purge orders`, or POST /admin/api/queues/<queue>/purge.',
      },
    };
    expect(runbookProblems(rule, 'shiplink dlq list [queue]', [':param'])).toEqual([
      'Example: no CLI command "dlq purge orders"',
      'Example: no admin API route /admin/api/queues/<queue>/purge',
    ]);
  });
});
