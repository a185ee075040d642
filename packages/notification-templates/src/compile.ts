import type Handlebars from 'handlebars';
import { LruCache } from './cache';
import { ENVIRONMENTS, RUNTIME_OPTIONS, compileOptions, type TemplateMode } from './environment';

/** A template that cannot be parsed, with where (1-based) Handlebars stopped. */
export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'TemplateSyntaxError';
  }
}

/** A template that parses but uses what templates may not (partials, decorators). */
export class TemplateFeatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateFeatureError';
  }
}

interface LexerState {
  yylloc?: { first_line?: number; first_column?: number };
  yytext?: string;
}

/**
 * Handlebars' own exceptions carry a position, but the parser's ("Parse error on line 3: …")
 * only name the line. The shared lexer still holds the token it failed on, so the column is read
 * from there right after the (synchronous) failure: `Handlebars.Parser`, exported but not typed.
 */
function syntaxError(error: unknown, env: typeof Handlebars, source: string): TemplateSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: unknown; column?: unknown };
  if (typeof located.lineNumber === 'number' && typeof located.column === 'number') {
    const text = message.replace(/ - \d+:\d+$/, '');
    return new TemplateSyntaxError(text, located.lineNumber, located.column + 1);
  }
  const lexer = (env as unknown as { Parser?: { lexer?: LexerState } }).Parser?.lexer;
  const line = Number(/on line (\d+)/.exec(message)?.[1] ?? lexer?.yylloc?.first_line ?? 1);
  const column = lexer?.yylloc?.first_line === line ? (lexer.yylloc.first_column ?? 0) + 1 : 1;
  const unclosed = unclosedOpening(source, line, column);
  if (unclosed) return new TemplateSyntaxError('this {{ is never closed with }}', ...unclosed);
  const found = /got '(\w+)'/.exec(message)?.[1];
  const token = lexer?.yytext;
  const what =
    found === 'EOF'
      ? 'the template ends before a {{#block}} is closed with its {{/block}}'
      : `unexpected ${token ? `"${token}"` : 'text'} in a {{ }} expression`;
  return new TemplateSyntaxError(what, line, column);
}

/**
 * The lexer stumbles somewhere inside an expression that has no end; pointing at its `{{` tells
 * the merchant what is actually wrong. Returns that `{{`'s line and column, or null.
 */
function unclosedOpening(source: string, line: number, column: number): [number, number] | null {
  const lines = source.split('\n');
  const offset = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column;
  const open = source.lastIndexOf('{{', offset);
  if (open === -1 || source.indexOf('}}', open) !== -1) return null;
  const before = source.slice(0, open).split('\n');
  return [before.length, (before[before.length - 1]?.length ?? 0) + 1];
}

export function parseTemplate(source: string, mode: TemplateMode): hbs.AST.Program {
  const env = ENVIRONMENTS[mode];
  try {
    return env.parse(source);
  } catch (error) {
    throw syntaxError(error, env, source);
  }
}

function at(node: hbs.AST.Node): string {
  return `line ${node.loc.start.line}, column ${node.loc.start.column + 1}`;
}

type AnyNode = hbs.AST.Node & Partial<Record<'program' | 'inverse', hbs.AST.Program>>;

/**
 * Makes an AST safe to compile, in place: partials and decorators are refused (none are
 * registered, and they would only fail later), and in HTML every `{{{ }}}` or `{{& }}` is
 * turned into an escaped `{{ }}`, so that carrier or customer text can never become markup
 * even in a template saved before validation refused raw output.
 */
export function secureAst(program: hbs.AST.Program, mode: TemplateMode): hbs.AST.Program {
  const visit = (node: AnyNode): void => {
    switch (node.type) {
      case 'PartialStatement':
      case 'PartialBlockStatement':
        throw new TemplateFeatureError(`${at(node)}: partials ({{> …}}) are not available`);
      case 'Decorator':
      case 'DecoratorBlock':
        throw new TemplateFeatureError(`${at(node)}: decorators ({{* …}}) are not available`);
      case 'MustacheStatement':
        if (mode === 'html') (node as hbs.AST.MustacheStatement).escaped = true;
        break;
      case 'BlockStatement':
        if (node.program) node.program.body.forEach(visit);
        if (node.inverse) node.inverse.body.forEach(visit);
        break;
    }
  };
  program.body.forEach(visit);
  return program;
}

export type CompiledTemplate = (data: unknown) => string;

/** Parses, secures and compiles one source; throws TemplateSyntaxError or TemplateFeatureError. */
export function compileTemplate(source: string, mode: TemplateMode): CompiledTemplate {
  const ast = secureAst(parseTemplate(source, mode), mode);
  // The AST is compiled as Handlebars would compile `source` itself: it came from its parser.
  const template = ENVIRONMENTS[mode].compile(ast, compileOptions(mode));
  // Handlebars compiles on the first call; one call with no data makes an unknown helper fail
  // here, where it is not cached, rather than on every render. The helpers are total, so this
  // renders nothing and has no effect.
  template({}, RUNTIME_OPTIONS);
  return (data) => template(data, RUNTIME_OPTIONS);
}

/** Enough for every default and a few hundred stores' own templates in all four fields. */
export const TEMPLATE_CACHE_CAPACITY = 1000;

const cache = new LruCache<CompiledTemplate>(TEMPLATE_CACHE_CAPACITY);

/** `compileTemplate`, cached by mode and source: a compile error is not cached and throws again. */
export function cachedTemplate(source: string, mode: TemplateMode): CompiledTemplate {
  return cache.getOrCreate(`${mode}\u0000${source}`, () => compileTemplate(source, mode));
}

export function templateCacheStats(): { size: number; hits: number; misses: number } {
  return cache.stats;
}

export function clearTemplateCache(): void {
  cache.clear();
}
