/**
 * A subset of commercetools' query predicate language: comparisons `=`, `!=`, `<>`, `>`, `>=`,
 * `<`, `<=`; `in (…)` and `not in (…)`; `is defined` / `is not defined`; `is empty` /
 * `is not empty`; `contains`, `contains any (…)`, `contains all (…)`; nested objects as
 * `store(key = "x")`; `and`, `or`, `not(…)` and parentheses. Literals are double-quoted strings
 * (JSON escapes), numbers and booleans.
 */

export type Literal = string | number | boolean;
/** The comparison operators (`<>` is read as `!=`). */
export type ComparisonOperator = '=' | '!=' | '>' | '>=' | '<' | '<=';

/** A parsed predicate. */
export type Predicate =
  | { kind: 'and' | 'or'; left: Predicate; right: Predicate }
  | { kind: 'not'; inner: Predicate }
  | { kind: 'nested'; field: string; inner: Predicate }
  | { kind: 'compare'; field: string; op: ComparisonOperator; value: Literal }
  | { kind: 'in'; field: string; values: Literal[]; negated: boolean }
  | { kind: 'defined'; field: string; negated: boolean }
  | { kind: 'empty'; field: string; negated: boolean }
  | { kind: 'contains'; field: string; mode: 'one' | 'any' | 'all'; values: Literal[] };

/** A predicate the parser could not read; the API answers 400 InvalidInput. */
export class PredicateSyntaxError extends Error {
  constructor(
    readonly input: string,
    readonly position: number,
    readonly expected: string,
  ) {
    super(`Invalid input '${input.slice(position, position + 12) || 'EOI'}', expected ${expected}`);
    this.name = 'PredicateSyntaxError';
  }
}

type Token =
  | { type: 'ident'; value: string; at: number }
  | { type: 'literal'; value: Literal; at: number }
  | { type: 'op'; value: ComparisonOperator; at: number }
  | { type: 'punct'; value: '(' | ')' | ','; at: number };

const OPERATORS = ['>=', '<=', '!=', '<>', '=', '>', '<'] as const;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < input.length) {
    const char = input[at]!;
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: 'punct', value: char, at });
      at += 1;
    } else if (char === '"') {
      let end = at + 1;
      while (end < input.length && input[end] !== '"') end += input[end] === '\\' ? 2 : 1;
      if (end >= input.length) throw new PredicateSyntaxError(input, at, "'\"'");
      let value: unknown;
      try {
        value = JSON.parse(input.slice(at, end + 1));
      } catch {
        throw new PredicateSyntaxError(input, at, 'a string literal');
      }
      tokens.push({ type: 'literal', value: String(value), at });
      at = end + 1;
    } else if (/[-0-9]/.test(char)) {
      const match = /^-?\d+(\.\d+)?/.exec(input.slice(at));
      if (!match) throw new PredicateSyntaxError(input, at, 'a number');
      tokens.push({ type: 'literal', value: Number(match[0]), at });
      at += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(at))![0];
      const lower = word.toLowerCase();
      if (lower === 'true' || lower === 'false') {
        tokens.push({ type: 'literal', value: lower === 'true', at });
      } else {
        tokens.push({ type: 'ident', value: word, at });
      }
      at += word.length;
    } else {
      const op = OPERATORS.find((candidate) => input.startsWith(candidate, at));
      if (!op) throw new PredicateSyntaxError(input, at, 'an operator');
      tokens.push({ type: 'op', value: op === '<>' ? '!=' : op, at });
      at += op.length;
    }
  }
  return tokens;
}

class Parser {
  private index = 0;

  constructor(
    private readonly input: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Predicate {
    const predicate = this.or();
    if (this.index < this.tokens.length) this.fail("'and', 'or' or end of input");
    return predicate;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  private fail(expected: string): never {
    throw new PredicateSyntaxError(this.input, this.peek()?.at ?? this.input.length, expected);
  }

  private isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.type === 'ident' && token.value.toLowerCase() === word;
  }

  private isPunct(value: '(' | ')' | ',', offset = 0): boolean {
    const token = this.peek(offset);
    return token?.type === 'punct' && token.value === value;
  }

  private expectPunct(value: '(' | ')' | ','): void {
    if (!this.isPunct(value)) this.fail(`'${value}'`);
    this.index += 1;
  }

  private expectWord(word: string): void {
    if (!this.isWord(word)) this.fail(`'${word}'`);
    this.index += 1;
  }

  private or(): Predicate {
    let left = this.and();
    while (this.isWord('or')) {
      this.index += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Predicate {
    let left = this.unary();
    while (this.isWord('and')) {
      this.index += 1;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Predicate {
    if (this.isWord('not') && this.isPunct('(', 1)) {
      this.index += 1;
      return { kind: 'not', inner: this.group() };
    }
    if (this.isPunct('(')) return this.group();
    return this.fieldPredicate();
  }

  private group(): Predicate {
    this.expectPunct('(');
    const inner = this.or();
    this.expectPunct(')');
    return inner;
  }

  private literal(): Literal {
    const token = this.peek();
    if (token?.type !== 'literal') this.fail('a literal');
    this.index += 1;
    return token.value;
  }

  private literalList(): Literal[] {
    this.expectPunct('(');
    const values = [this.literal()];
    while (this.isPunct(',')) {
      this.index += 1;
      values.push(this.literal());
    }
    this.expectPunct(')');
    return values;
  }

  private fieldPredicate(): Predicate {
    const token = this.peek();
    if (token?.type !== 'ident') this.fail('a field name');
    const field = token.value;
    this.index += 1;
    const next = this.peek();
    if (next?.type === 'op') {
      this.index += 1;
      return { kind: 'compare', field, op: next.value, value: this.literal() };
    }
    if (this.isPunct('(')) return { kind: 'nested', field, inner: this.group() };
    if (this.isWord('in')) {
      this.index += 1;
      return { kind: 'in', field, values: this.literalList(), negated: false };
    }
    if (this.isWord('not') && this.isWord('in', 1)) {
      this.index += 2;
      return { kind: 'in', field, values: this.literalList(), negated: true };
    }
    if (this.isWord('is')) {
      this.index += 1;
      const negated = this.isWord('not');
      if (negated) this.index += 1;
      if (this.isWord('defined')) {
        this.index += 1;
        return { kind: 'defined', field, negated };
      }
      this.expectWord('empty');
      return { kind: 'empty', field, negated };
    }
    if (this.isWord('contains')) {
      this.index += 1;
      for (const mode of ['any', 'all'] as const) {
        if (this.isWord(mode)) {
          this.index += 1;
          return { kind: 'contains', field, mode, values: this.literalList() };
        }
      }
      return { kind: 'contains', field, mode: 'one', values: [this.literal()] };
    }
    return this.fail("an operator, '(', 'in', 'is' or 'contains'");
  }
}

/** The predicate in `input`, or a PredicateSyntaxError. */
export function parsePredicate(input: string): Predicate {
  const tokens = tokenize(input);
  if (tokens.length === 0) throw new PredicateSyntaxError(input, 0, 'a predicate');
  return new Parser(input, tokens).parse();
}
