import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { Histogram } from 'prom-client';
import { parse as parseYaml } from 'yaml';
import { registry } from './metrics';

// The alerting rules and the Grafana dashboard in docker/monitoring, checked against the metrics
// this package declares: every PromQL expression is parsed with the Prometheus project's own
// grammar (its CommonJS build, which jest can load), and every metric and label it names must
// exist, so a renamed metric or label breaks this test rather than an alert in production.

const MONITORING = path.resolve(__dirname, '../../../docker/monitoring');
const ALERTS = path.join(MONITORING, 'alerts.yaml');
const DASHBOARD = path.join(MONITORING, 'grafana-dashboard.json');

/** Labels Prometheus attaches to every scraped series (see docker/kubernetes). */
const TARGET_LABELS = ['namespace', 'pod', 'job', 'app', 'instance'];
/** Grafana's own interval variables, replaced by a duration before parsing. */
const GRAFANA_INTERVALS = /\$(__rate_interval|__interval|__range)\b/g;
const SEVERITIES = ['critical', 'warning', 'info'];

type Node = ReturnType<typeof parser.parse>['topNode'];
/** The label names an expression's series can carry; `any` past an error already reported. */
type Labels = ReadonlySet<string> | 'any';
type Shape = Labels | 'scalar';
interface Series {
  base: string;
  labels: ReadonlySet<string>;
}
type Known = ReadonlyMap<string, Series>;

async function knownSeries(): Promise<Known> {
  const known = new Map<string, Series>();
  for (const { name } of await registry.getMetricsAsJSON()) {
    const metric = registry.getSingleMetric(name);
    // prom-client keeps the declared label names on each metric; its typings leave them out.
    const declared = (metric as unknown as { labelNames: readonly string[] }).labelNames;
    const labels = [...declared, ...TARGET_LABELS];
    if (!(metric instanceof Histogram)) {
      known.set(name, { base: name, labels: new Set(labels) });
      continue;
    }
    known.set(`${name}_bucket`, { base: name, labels: new Set([...labels, 'le']) });
    known.set(`${name}_sum`, { base: name, labels: new Set(labels) });
    known.set(`${name}_count`, { base: name, labels: new Set(labels) });
  }
  // Prometheus records `up` itself for every target it scrapes.
  known.set('up', { base: 'up', labels: new Set(TARGET_LABELS) });
  return known;
}

const unquote = (literal: string) => literal.slice(1, -1).replace(/\\(.)/g, '$1');
const union = (labels: Labels, more: Iterable<string>): Labels =>
  labels === 'any' ? 'any' : new Set([...labels, ...more]);
const minus = (labels: Labels, less: readonly string[]): Labels =>
  labels === 'any' ? 'any' : new Set([...labels].filter((label) => !less.includes(label)));
const both = (a: Labels, b: Labels): Labels => (b === 'any' ? 'any' : union(a, b));
const vector = (shape: Shape): Labels => (shape === 'scalar' ? new Set() : shape);
const show = (labels: Labels) => (labels === 'any' ? 'any' : `{${[...labels].join(', ')}}`);

function children(node: Node, name?: string): Node[] {
  const found: Node[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (name ? child.name === name : child.type.is('Expr')) found.push(child);
  }
  return found;
}

/** What one expression selects, what labels its result carries, and what is wrong with it. */
class Expression {
  readonly metrics = new Set<string>();
  readonly problems: string[] = [];
  readonly labels: Labels;
  private readonly source: string;

  constructor(
    text: string,
    private readonly known: Known,
  ) {
    this.source = text.replace(GRAFANA_INTERVALS, '5m');
    const top = parser.parse(this.source).topNode;
    top.cursor().iterate((node) => {
      if (node.type.isError) this.problems.push(`syntax error at offset ${node.from}`);
    });
    const [root] = children(top);
    this.labels = this.problems.length > 0 || !root ? 'any' : vector(this.shape(root));
  }

  /** The names among `names` that this expression's result does not carry as labels. */
  lacks(names: readonly string[]): string[] {
    const labels = this.labels;
    return labels === 'any' ? [] : names.filter((name) => !labels.has(name));
  }

  private text(node: Node | null | undefined): string {
    return node ? this.source.slice(node.from, node.to) : '';
  }

  /** Reports the labels `labels` cannot carry; `what` says where they were used. */
  private require(labels: Labels, names: readonly string[], what: string): void {
    if (labels === 'any') return;
    for (const name of names.filter((label) => !labels.has(label))) {
      this.problems.push(`${what} uses label "${name}", not among ${show(labels)}`);
    }
  }

  private grouping(node: Node | undefined): string[] {
    if (!node) return [];
    return [...children(node, 'LabelName'), ...children(node, 'QuotedLabelName')].map((label) =>
      label.name === 'LabelName' ? this.text(label) : unquote(this.text(label)),
    );
  }

  private shape(node: Node): Shape {
    switch (node.name) {
      case 'VectorSelector':
        return this.selector(node);
      case 'NumberDurationLiteral':
      case 'StringLiteral':
        return 'scalar';
      case 'FunctionCall':
        return this.call(node);
      case 'AggregateExpr':
        return this.aggregate(node);
      case 'BinaryExpr':
        return this.binary(node);
      default: {
        // Parentheses, ranges, subqueries, offsets, unary minus: the labels of what they wrap.
        const [inner] = children(node);
        return inner ? this.shape(inner) : 'any';
      }
    }
  }

  private selector(node: Node): Shape {
    const list = children(node, 'LabelMatchers')[0];
    const nodes = list
      ? [...children(list, 'UnquotedLabelMatcher'), ...children(list, 'QuotedLabelMatcher')]
      : [];
    const matchers = nodes.map((matcher) => ({
      label:
        matcher.name === 'UnquotedLabelMatcher'
          ? this.text(matcher.firstChild)
          : unquote(this.text(matcher.firstChild)),
      op: this.text(children(matcher, 'MatchOp')[0]),
      value: unquote(this.text(matcher.lastChild)),
    }));
    const byName = matchers.find((matcher) => matcher.label === '__name__');
    const identifier = this.text(children(node, 'Identifier')[0]);
    let names: string[];
    if (identifier) names = [identifier];
    else if (byName?.op === '=') names = [byName.value];
    else if (byName?.op === '=~') {
      const pattern = new RegExp(`^(?:${byName.value})$`);
      names = [...this.known.keys()].filter((name) => pattern.test(name));
      if (names.length === 0) this.problems.push(`__name__=~"${byName.value}" matches no metric`);
    } else {
      this.problems.push(`selector ${this.text(node)} names no metric`);
      return 'any';
    }
    const found = names.flatMap((name) => {
      const series = this.known.get(name);
      if (!series) this.problems.push(`unknown metric ${name}`);
      return series ? [series] : [];
    });
    found.forEach((series) => this.metrics.add(series.base));
    // A `__name__` regex selects several metrics: only the labels they all have are certain.
    const [first, ...others] = found;
    const labels: Labels = first
      ? new Set([...first.labels].filter((label) => others.every((s) => s.labels.has(label))))
      : 'any';
    const used = matchers.map((matcher) => matcher.label).filter((label) => label !== '__name__');
    this.require(labels, used, names.join('|'));
    return labels;
  }

  private call(node: Node): Shape {
    const name = this.text(children(node, 'FunctionIdentifier')[0]);
    const args = children(children(node, 'FunctionCallBody')[0] ?? node);
    const shapes = args.map((arg) => this.shape(arg));
    const literal = (i: number) => unquote(this.text(args[i]));
    switch (name) {
      case 'time':
      case 'pi':
      case 'scalar':
        return 'scalar';
      case 'vector':
      case 'absent':
      case 'absent_over_time':
        return new Set();
      case 'histogram_quantile':
      case 'histogram_fraction': {
        const buckets = vector(shapes.at(-1) ?? 'any');
        this.require(buckets, ['le'], name);
        return minus(buckets, ['le']);
      }
      case 'label_replace':
      case 'label_join': {
        const sources =
          name === 'label_replace' ? [literal(3)] : args.slice(3).map((_, i) => literal(i + 3));
        this.require(vector(shapes[0] ?? 'any'), sources.filter(Boolean), name);
        return union(vector(shapes[0] ?? 'any'), [literal(1)]);
      }
      default:
        return shapes.find((shape) => shape !== 'scalar') ?? 'scalar';
    }
  }

  private aggregate(node: Node): Shape {
    const op = this.text(children(node, 'AggregateOp')[0]);
    const args = children(children(node, 'FunctionCallBody')[0] ?? node);
    const shapes = args.map((arg) => this.shape(arg));
    const input = vector(shapes.at(-1) ?? 'any');
    const modifier = children(node, 'AggregateModifier')[0];
    const labels = this.grouping(modifier ? children(modifier, 'GroupingLabels')[0] : undefined);
    this.require(input, labels, `${op} ${this.text(modifier)}`);
    if (['topk', 'bottomk', 'limitk', 'limit_ratio'].includes(op)) return input;
    const grouped = !modifier
      ? new Set<string>()
      : modifier.firstChild?.name === 'Without'
        ? minus(input, labels)
        : new Set(labels);
    return op === 'count_values' ? union(grouped, [unquote(this.text(args[0]))]) : grouped;
  }

  private binary(node: Node): Shape {
    const [lhs, rhs] = children(node);
    if (!lhs || !rhs) return 'any';
    const left = this.shape(lhs);
    const right = this.shape(rhs);
    if (left === 'scalar') return right;
    if (right === 'scalar') return left;
    const operator = lhs.nextSibling?.name ?? '';
    const clause = children(node, 'MatchingModifierClause')[0];
    const [matchingNode, includeNode] = clause ? children(clause, 'GroupingLabels') : [];
    const matching = this.grouping(matchingNode);
    const include = this.grouping(includeNode);
    const how = clause?.firstChild?.name;
    if (how === 'On') {
      this.require(left, matching, `on(${matching.join(', ')}), left side`);
      this.require(right, matching, `on(${matching.join(', ')}), right side`);
    } else if (how === 'Ignoring') {
      this.require(both(left, right), matching, 'ignoring');
    }
    if (operator === 'Or') return both(left, right);
    if (operator === 'And' || operator === 'Unless') return left;
    const group = clause?.getChild('GroupLeft')
      ? 'left'
      : clause?.getChild('GroupRight') && 'right';
    if (group) {
      // Many-to-one: the many side's labels, plus those copied from the one side.
      this.require(group === 'left' ? right : left, include, `group_${group}`);
      return union(group === 'left' ? left : right, include);
    }
    if (how === 'On') return new Set(matching);
    const l = minus(left, matching);
    const r = minus(right, matching);
    if (l !== 'any' && r !== 'any' && (l.size !== r.size || [...l].some((x) => !r.has(x)))) {
      this.problems.push(`one-to-one matching of ${show(l)} with ${show(r)} pairs no series`);
    }
    return l;
  }
}

interface Rule {
  alert?: unknown;
  expr?: unknown;
  for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}
interface RuleFile {
  groups?: { name?: unknown; rules?: Rule[] }[];
}
interface Target {
  refId?: unknown;
  expr?: unknown;
  legendFormat?: unknown;
  datasource?: { uid?: unknown };
}
interface Panel {
  id?: unknown;
  type?: unknown;
  title?: unknown;
  gridPos?: unknown;
  datasource?: { uid?: unknown };
  fieldConfig?: { defaults?: { unit?: unknown } };
  targets?: Target[];
  panels?: Panel[];
}
interface Variable {
  name?: unknown;
  type?: unknown;
  query?: unknown;
}
interface Dashboard {
  schemaVersion?: unknown;
  panels?: Panel[];
  templating?: { list?: Variable[] };
}

const ANNOTATIONS = ['summary', 'description', 'runbook'] as const;
const PANEL_TYPES = ['row', 'timeseries', 'stat', 'table'];
const DATASOURCE = '${datasource}';

const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';
const rulesOf = (file: RuleFile): Rule[] =>
  (file.groups ?? []).flatMap((group) => group.rules ?? []);
const panelsOf = (dashboard: Dashboard): Panel[] =>
  (dashboard.panels ?? []).flatMap((panel) => [panel, ...(panel.panels ?? [])]);
const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

/** What the rule file itself lacks, before any PromQL is read. */
function ruleFileProblems(file: RuleFile): string[] {
  if (!Array.isArray(file.groups) || file.groups.length === 0) return ['no groups'];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const group of file.groups) {
    if (!nonEmpty(group.name) || !group.rules?.length)
      problems.push('a group without name or rules');
    for (const [i, rule] of (group.rules ?? []).entries()) {
      const name = nonEmpty(rule.alert) ? rule.alert : `${String(group.name)}[${i}]`;
      if (!nonEmpty(rule.alert)) problems.push(`${name}: no alert name`);
      if (seen.has(name)) problems.push(`${name}: defined twice`);
      seen.add(name);
      if (!nonEmpty(rule.expr)) problems.push(`${name}: no expr`);
      if (typeof rule.for !== 'string' || !/^(\d+[smhdwy])+$/.test(rule.for)) {
        problems.push(`${name}: no for duration`);
      }
      if (!SEVERITIES.includes(String(rule.labels?.severity))) {
        problems.push(`${name}: severity is not one of ${SEVERITIES.join(', ')}`);
      }
      for (const key of ANNOTATIONS) {
        if (!nonEmpty(rule.annotations?.[key])) problems.push(`${name}: no annotations.${key}`);
      }
    }
  }
  return problems;
}

/** An alert's PromQL problems, and `$labels.x` in its annotations that its result lacks. */
function alertProblems(rule: Rule, known: Known): string[] {
  const expression = new Expression(String(rule.expr), known);
  const templated = Object.values(rule.annotations ?? {}).flatMap((text) =>
    matches(String(text), /\$labels\.(\w+)/g),
  );
  return [
    ...expression.problems,
    ...expression.lacks([...new Set(templated)]).map((label) => `$labels.${label}: not a label`),
  ].map((problem) => `${String(rule.alert)}: ${problem}`);
}

/** The dashboard's layout: panel types, units, the `${datasource}` variable everywhere. */
function dashboardProblems(dashboard: Dashboard): string[] {
  const problems: string[] = [];
  if (typeof dashboard.schemaVersion !== 'number' || dashboard.schemaVersion < 36) {
    problems.push('schemaVersion below 36');
  }
  const variables = dashboard.templating?.list ?? [];
  if (
    !variables.some(
      (v) => v.name === 'datasource' && v.type === 'datasource' && v.query === 'prometheus',
    )
  ) {
    problems.push('no Prometheus datasource variable');
  }
  const ids = new Set<unknown>();
  for (const panel of panelsOf(dashboard)) {
    const name = `${String(panel.type)} "${String(panel.title)}"`;
    if (ids.has(panel.id)) problems.push(`${name}: id ${String(panel.id)} used twice`);
    ids.add(panel.id);
    if (!PANEL_TYPES.includes(String(panel.type)))
      problems.push(`${name}: not one of ${PANEL_TYPES.join(', ')}`);
    if (!nonEmpty(panel.title) || typeof panel.gridPos !== 'object')
      problems.push(`${name}: no title or position`);
    if (panel.type === 'row') continue;
    if (panel.datasource?.uid !== DATASOURCE)
      problems.push(`${name}: datasource is not ${DATASOURCE}`);
    if (!nonEmpty(panel.fieldConfig?.defaults?.unit)) problems.push(`${name}: no unit`);
    if (!panel.targets?.length) problems.push(`${name}: no targets`);
    for (const target of panel.targets ?? []) {
      if (!nonEmpty(target.expr))
        problems.push(`${name}: target ${String(target.refId)} has no expr`);
      if (target.datasource?.uid !== DATASOURCE) {
        problems.push(`${name}: target ${String(target.refId)} datasource is not ${DATASOURCE}`);
      }
    }
  }
  return problems;
}

/** Every PromQL of the dashboard (targets, variable queries) checked; the metrics it shows. */
function dashboardQueries(dashboard: Dashboard, known: Known) {
  const problems: string[] = [];
  const metrics = new Set<string>();
  const variables = (dashboard.templating?.list ?? []).map((v) => String(v.name));
  const check = (where: string, expr: string, labels: string[]) => {
    const expression = new Expression(expr, known);
    expression.metrics.forEach((metric) => metrics.add(metric));
    const undeclared = matches(expr, /\$\{?(\w+)/g).filter(
      (name) => !name.startsWith('__') && !variables.includes(name),
    );
    problems.push(
      ...[
        ...expression.problems,
        ...undeclared.map((name) => `$${name}: no such variable`),
        ...expression.lacks(labels).map((label) => `{{${label}}}: not a label`),
      ].map((problem) => `${where}: ${problem}`),
    );
  };
  for (const panel of panelsOf(dashboard)) {
    for (const target of panel.targets ?? []) {
      const legend = typeof target.legendFormat === 'string' ? target.legendFormat : '';
      check(
        `"${String(panel.title)}" ${String(target.refId)}`,
        String(target.expr),
        matches(legend, /\{\{\s*(\w+)\s*\}\}/g),
      );
    }
  }
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type !== 'query') continue;
    const query = (variable.query as { query?: unknown } | undefined)?.query ?? variable.query;
    const labelValues = /^label_values\((.+),\s*(\w+)\)$/.exec(String(query));
    if (!labelValues)
      problems.push(`$${String(variable.name)}: not a label_values(selector, label) query`);
    else check(`$${String(variable.name)}`, labelValues[1]!, [labelValues[2]!]);
  }
  return { problems, metrics };
}

const INGRESS = path.resolve(__dirname, '../../../apps/ingress/src');
const sourcesOf = (dir: string) =>
  readdirSync(path.join(INGRESS, dir))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => readFileSync(path.join(INGRESS, dir, file), 'utf8'))
    .join('\n');
/** `/admin/api/queues/:queue/x`, `/admin/api/queues/<queue>/x` and a templated one alike. */
const routeShape = (route: string) =>
  route.replace(/\?.*$/, '').replace(/:\w+|<[^>]+>|\{\{[^}]+\}\}/g, ':param');

/** Runbook commands and admin API calls that the ingress CLI and routes do not have. */
function runbookProblems(rule: Rule, cli: string, routes: readonly string[]): string[] {
  const runbook = String(rule.annotations?.runbook);
  const commands = matches(runbook, /node dist\/cli\.js ((?:[a-z-]+ ?)+)/g).map((c) => c.trim());
  const calls = matches(
    runbook,
    /(?:GET|POST|PUT|DELETE) (\/admin\/api(?:\/(?:[\w-]+|<\w+>|\{\{[^}]*\}\}))+)/g,
  );
  return [
    ...commands
      .filter((command) => !cli.includes(`shiplink ${command}`))
      .map((c) => `no CLI command "${c}"`),
    ...calls
      .filter((call) => !routes.includes(routeShape(call)))
      .map((c) => `no admin API route ${c}`),
  ].map((problem) => `${String(rule.alert)}: ${problem}`);
}

function findPromtool(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    try {
      accessSync(path.join(dir, 'promtool'), constants.X_OK);
      return path.join(dir, 'promtool');
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

let known: Known;
beforeAll(async () => {
  known = await knownSeries();
});

describe('alerting rules (docker/monitoring/alerts.yaml)', () => {
  const file = parseYaml(readFileSync(ALERTS, 'utf8')) as RuleFile;
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
    const cli = sourcesOf('cli');
    const routes = matches(sourcesOf('routes'), /'(\/admin\/api\/[^']*)'/g).map(routeShape);
    expect(rules.flatMap((rule) => runbookProblems(rule, cli, routes))).toEqual([]);
  });

  const promtool = findPromtool();
  (promtool ? it : it.skip)(
    promtool ? 'pass promtool check rules' : 'are not given to promtool: it is not on PATH',
    () => {
      expect(execFileSync(promtool!, ['check', 'rules', ALERTS], { encoding: 'utf8' })).toMatch(
        `SUCCESS: ${rules.length} rules found`,
      );
    },
  );
});

describe('Grafana dashboard (docker/monitoring/grafana-dashboard.json)', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;

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
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
    const target = panelsOf(dashboard).find((panel) => panel.targets?.length)!.targets![0]!;
    target.legendFormat = '{{no_such_label}}';
    target.expr = String(target.expr).replace('$namespace', '$tenant');
    expect(dashboardQueries(dashboard, known).problems).toEqual([
      expect.stringContaining('$tenant: no such variable'),
      expect.stringContaining('{{no_such_label}}: not a label'),
    ]);
  });

  it('fail a rule without runbook, a duplicate name and a panel off the datasource variable', () => {
    const file = parseYaml(readFileSync(ALERTS, 'utf8')) as RuleFile;
    const [first, second] = file.groups![0]!.rules!;
    delete first!.annotations!.runbook;
    second!.alert = first!.alert;
    expect(ruleFileProblems(file)).toEqual([
      `${String(first!.alert)}: no annotations.runbook`,
      `${String(first!.alert)}: defined twice`,
    ]);
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
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
