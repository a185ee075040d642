import { ANY, CONTEXT_SHAPE, VALUE, child, fieldNames, type Shape } from './context-shape';
import { helperNames, type TemplateMode } from './environment';

/**
 * A static walk over a parsed template, the way Handlebars will evaluate it, reporting what
 * cannot work: helpers that do not exist, fields NotificationContext does not have (a typo
 * renders as nothing, silently, in every customer's message), raw output in HTML, partials
 * and decorators, and markup that has no place in an e-mail.
 */

interface Frame {
  /** What `this` is here. */
  shape: Shape;
  /** `as |item index|` names introduced by the block that made this frame. */
  params: ReadonlyMap<string, Shape>;
  /** Inside `{{#each}}`, where `@index`, `@key`, `@first` and `@last` exist. */
  iterates: boolean;
}

type Call = {
  path: hbs.AST.PathExpression | hbs.AST.Literal;
  params: hbs.AST.Expression[];
  hash?: hbs.AST.Hash;
  loc: hbs.AST.SourceLocation;
};

const MAX_ISSUES = 20;
const LOOP_DATA = new Set(['index', 'key', 'first', 'last']);

// Mail clients strip these or spam filters score them, and the admin preview must never run them.
const FORBIDDEN_MARKUP: readonly [RegExp, string][] = [
  [/<\s*(script|iframe|object|embed|form|base)\b/i, 'a <$1> element'],
  [/\son[a-z]+\s*=/i, 'an on… event attribute'],
  [/javascript\s*:/i, 'a javascript: URL'],
];

/** The first piece of markup e-mail content may not contain, described; null when there is none. */
export function forbiddenMarkup(html: string): string | null {
  for (const [pattern, description] of FORBIDDEN_MARKUP) {
    const match = pattern.exec(html);
    if (match) return description.replace('$1', (match[1] ?? '').toLowerCase());
  }
  return null;
}

function at(loc: hbs.AST.SourceLocation): string {
  return `line ${loc.start.line}, column ${loc.start.column + 1}`;
}

// Handlebars' own test for `this.x`, `./x` and `this`: such paths never name a block param.
const SCOPED = /^\.|this\b/;

/** `{{"name"}}` looks `name` up like a path; literals are turned into the path they act as. */
function asPath(node: hbs.AST.PathExpression | hbs.AST.Literal): hbs.AST.PathExpression {
  if (node.type === 'PathExpression') return node as hbs.AST.PathExpression;
  const value = String((node as { value?: unknown }).value);
  return {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [value],
    original: value,
    loc: node.loc,
  };
}

class Checker {
  readonly issues: string[] = [];
  readonly #helpers: ReadonlySet<string>;

  constructor(readonly mode: TemplateMode) {
    this.#helpers = new Set(helperNames(mode));
  }

  program(program: hbs.AST.Program | undefined, frames: readonly Frame[]): void {
    for (const statement of program?.body ?? []) this.statement(statement, frames);
  }

  private report(loc: hbs.AST.SourceLocation, message: string): void {
    this.issues.push(`${at(loc)}: ${message}`);
  }

  private statement(node: hbs.AST.Statement, frames: readonly Frame[]): void {
    switch (node.type) {
      case 'ContentStatement':
        return this.content(node as hbs.AST.ContentStatement);
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (this.mode === 'html' && !mustache.escaped) {
          this.report(node.loc, '{{{ }}} and {{& }} output without HTML escaping; use {{ }}');
        }
        this.call(mustache, frames, false);
        return;
      }
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, frames);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.report(node.loc, 'partials ({{> …}}) are not available');
      case 'Decorator':
      case 'DecoratorBlock':
        return this.report(node.loc, 'decorators ({{* …}}) are not available');
    }
  }

  private content(node: hbs.AST.ContentStatement): void {
    if (this.mode !== 'html') return;
    const found = forbiddenMarkup(node.value);
    if (found) this.report(node.loc, `e-mail content may not contain ${found}`);
  }

  private isHelper(path: hbs.AST.PathExpression, frames: readonly Frame[]): boolean {
    const [name] = path.parts;
    return (
      name !== undefined &&
      path.parts.length === 1 &&
      !path.data &&
      path.depth === 0 &&
      !SCOPED.test(path.original) &&
      this.#helpers.has(name) &&
      !frames.some((frame) => frame.params.has(name))
    );
  }

  private arguments(node: Call, frames: readonly Frame[]): void {
    for (const param of node.params) this.expression(param, frames);
    for (const pair of node.hash?.pairs ?? []) this.expression(pair.value, frames);
  }

  /**
   * A mustache or subexpression: a helper call when it has arguments or names a helper (a
   * subexpression always calls one), otherwise a path. Returns the shape a path leads to.
   */
  private call(node: Call, frames: readonly Frame[], mustCall: boolean): Shape {
    const path = asPath(node.path);
    const hasArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (hasArguments || mustCall || this.isHelper(path, frames)) {
      if (!this.isHelper(path, frames)) {
        this.report(
          node.loc,
          `unknown helper "${path.original}" (available: ${[...this.#helpers].join(', ')})`,
        );
      }
      this.arguments(node, frames);
      return ANY;
    }
    return this.path(path, frames);
  }

  private expression(node: hbs.AST.Expression, frames: readonly Frame[]): Shape {
    if (node.type === 'PathExpression') return this.path(node as hbs.AST.PathExpression, frames);
    if (node.type === 'SubExpression')
      return this.call(node as hbs.AST.SubExpression, frames, true);
    return VALUE;
  }

  /** The shape `path` leads to; an unknown path is reported once and reads as ANY from then on. */
  private path(path: hbs.AST.PathExpression, frames: readonly Frame[]): Shape {
    const resolved = this.resolve(path, frames);
    if (typeof resolved === 'string') {
      this.report(path.loc, resolved);
      return ANY;
    }
    return resolved;
  }

  private resolve(path: hbs.AST.PathExpression, frames: readonly Frame[]): Shape | string {
    const [head, ...rest] = path.parts;
    if (path.data) {
      if (head === 'root') return walk(CONTEXT_SHAPE, rest, path.original);
      if (head !== undefined && LOOP_DATA.has(head) && rest.length === 0) {
        return frames.some((frame) => frame.iterates)
          ? VALUE
          : `@${head} only exists inside {{#each}}`;
      }
      return `unknown data variable "${path.original}" (available: @root, @index, @key, @first, @last)`;
    }
    if (head !== undefined && path.depth === 0 && !SCOPED.test(path.original)) {
      for (let i = frames.length - 1; i >= 0; i--) {
        const param = frames[i]?.params.get(head);
        if (param) return walk(param, rest, path.original);
      }
    }
    const frame = frames[frames.length - 1 - path.depth];
    if (!frame) return `"${path.original}" reaches above the top of the template`;
    return walk(frame.shape, path.parts, path.original);
  }

  private block(node: hbs.AST.BlockStatement, frames: readonly Frame[]): void {
    const name = this.isHelper(node.path, frames) ? node.path.parts[0] : undefined;
    const params = node.program.blockParams ?? [];
    const enter = (shape: Shape, iterates: boolean, paramShapes: Shape[]): Frame[] => [
      ...frames,
      {
        shape,
        iterates: iterates || frames.some((frame) => frame.iterates),
        params: new Map(params.map((param, i) => [param, paramShapes[i] ?? VALUE])),
      },
    ];
    if (name === 'each' || name === 'with') {
      const [subject] = node.params;
      const shape = subject ? this.expression(subject, frames) : ANY;
      for (const pair of node.hash?.pairs ?? []) this.expression(pair.value, frames);
      const inner =
        name === 'with'
          ? shape
          : shape.kind === 'list'
            ? shape.item
            : shape.kind === 'value'
              ? VALUE
              : ANY;
      this.program(node.program, enter(inner, name === 'each', [inner, VALUE]));
    } else if (name !== undefined || node.params.length > 0 || node.hash?.pairs.length) {
      // if, unless, a helper of ours, or an unknown helper (reported): the context stays.
      this.call(node, frames, true);
      this.program(node.program, frames);
    } else {
      // `{{#order}}…{{/order}}`: a list iterates, anything else becomes the context.
      const shape = this.path(node.path, frames);
      const inner = shape.kind === 'list' ? shape.item : shape;
      this.program(node.program, enter(inner, shape.kind === 'list', [inner, VALUE]));
    }
    // `{{else}}` runs in the block's outer context.
    this.program(node.inverse, frames);
  }
}

function describe(shape: Shape, prefix: string): string {
  const names = fieldNames(shape);
  if (names.length === 0) return '';
  return ` (${prefix ? `${prefix} has` : 'available'}: ${names.join(', ')})`;
}

function walk(start: Shape, parts: readonly string[], original: string): Shape | string {
  let shape = start;
  for (let i = 0; i < parts.length; i++) {
    const next = child(shape, parts[i] ?? '');
    if (!next) {
      const prefix = parts.slice(0, i).join('.');
      return `unknown field "${original}"${describe(shape, prefix)}`;
    }
    shape = next;
  }
  return shape;
}

/** Every problem the walk finds, in order; an empty list means the template may be compiled. */
export function checkTemplate(program: hbs.AST.Program, mode: TemplateMode): string[] {
  const checker = new Checker(mode);
  checker.program(program, [{ shape: CONTEXT_SHAPE, params: new Map(), iterates: false }]);
  const issues = [...new Set(checker.issues)];
  // A template that is wrong throughout would bury the first, most useful issues.
  return issues.length > MAX_ISSUES
    ? [...issues.slice(0, MAX_ISSUES), `…and ${issues.length - MAX_ISSUES} more`]
    : issues;
}
