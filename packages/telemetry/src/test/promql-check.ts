import { parser } from '@prometheus-io/lezer-promql';
import { Histogram } from 'prom-client';
import { registry } from '../metrics';

// PromQL parsed with the Prometheus project's own grammar (its CommonJS build, which jest can
// load), and the label names each expression's result carries inferred from the metrics this
// package declares, so a renamed metric or label is reported where it is used.

/** Labels Prometheus attaches to every scraped series (see docker/kubernetes). */
const TARGET_LABELS = ['namespace', 'pod', 'job', 'app', 'instance'];
/** Grafana's own interval variables, replaced by a duration before parsing. */
const GRAFANA_INTERVALS = /\$(__rate_interval|__interval|__range)\b/g;

type Node = ReturnType<typeof parser.parse>['topNode'];
/** The label names an expression's series can carry; `any` past an error already reported. */
type Labels = ReadonlySet<string> | 'any';
type Shape = Labels | 'scalar';
interface Series {
  base: string;
  labels: ReadonlySet<string>;
}
export type Known = ReadonlyMap<string, Series>;

/** Every series the registry exports, histograms split into their `_bucket`, `_sum`, `_count`. */
export async function knownSeries(): Promise<Known> {
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
export class Expression {
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
