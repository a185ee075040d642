import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Expression, type Known } from './promql-check';

// The alerting rules and the Grafana dashboard in docker/monitoring, read as they are deployed,
// and what is wrong with each: the file's own layout, its PromQL, and the runbooks' commands.

const MONITORING = path.resolve(__dirname, '../../../../docker/monitoring');
const ALERTS = path.join(MONITORING, 'alerts.yaml');
const DASHBOARD = path.join(MONITORING, 'grafana-dashboard.json');
const INGRESS = path.resolve(__dirname, '../../../../apps/ingress/src');

const SEVERITIES = ['critical', 'warning', 'info'];

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
export const rulesOf = (file: RuleFile): Rule[] =>
  (file.groups ?? []).flatMap((group) => group.rules ?? []);
export const panelsOf = (dashboard: Dashboard): Panel[] =>
  (dashboard.panels ?? []).flatMap((panel) => [panel, ...(panel.panels ?? [])]);
const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

/** A fresh copy of alerts.yaml, which a test may change. */
export const readRuleFile = () => parseYaml(readFileSync(ALERTS, 'utf8')) as RuleFile;
/** A fresh copy of grafana-dashboard.json, which a test may change. */
export const readDashboard = () => JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;

/** What the rule file itself lacks, before any PromQL is read. */
export function ruleFileProblems(file: RuleFile): string[] {
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
export function alertProblems(rule: Rule, known: Known): string[] {
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
export function dashboardProblems(dashboard: Dashboard): string[] {
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
export function dashboardQueries(dashboard: Dashboard, known: Known) {
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

const sourcesOf = (dir: string) =>
  readdirSync(path.join(INGRESS, dir))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => readFileSync(path.join(INGRESS, dir, file), 'utf8'))
    .join('\n');
/** `/admin/api/queues/:queue/x`, `/admin/api/queues/<queue>/x` and a templated one alike. */
const routeShape = (route: string) =>
  route.replace(/\?.*$/, '').replace(/:\w+|<[^>]+>|\{\{[^}]+\}\}/g, ':param');

/** The ingress command-line sources, where each command's usage line is `shiplink <command>`. */
export const ingressCli = () => sourcesOf('cli');
/** The ingress admin API routes, in the shape `routeShape` gives a runbook's call. */
export const adminApiRoutes = () =>
  matches(sourcesOf('routes'), /'(\/admin\/api\/[^']*)'/g).map(routeShape);

/** Runbook commands and admin API calls that the ingress CLI and routes do not have. */
export function runbookProblems(rule: Rule, cli: string, routes: readonly string[]): string[] {
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

/** The promtool on PATH, if any; without it the rules are checked by this package alone. */
export function findPromtool(): string | undefined {
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

/** What `promtool check rules` prints for alerts.yaml; it throws when the check fails. */
export const promtoolCheckRules = (promtool: string) =>
  execFileSync(promtool, ['check', 'rules', ALERTS], { encoding: 'utf8' });
