/**
 * Whether a parsed JSON value can be stored as PostgreSQL `jsonb` and `text`: PostgreSQL refuses
 * `\u0000` and unpaired surrogates, and very deep nesting exhausts the stack of whoever serializes
 * it. Checked at the boundary so that such a body is refused on its own, with a reason, instead
 * of failing the batch it would have been written with. The walk is iterative and linear.
 */
export const MAX_JSON_DEPTH = 64;

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or undefined when it can. */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (UNPAIRED_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate';
  return undefined;
}

/** Why a JSON value cannot be stored, or undefined when it can. */
export function unstorableJson(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (typeof item === 'string') {
      const why = unstorableText(item);
      if (why) return `a value ${why}`;
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= maxDepth) return `nested deeper than ${maxDepth} levels`;
    if (Array.isArray(item)) {
      for (const inner of item) stack.push({ value: inner, depth: depth + 1 });
      continue;
    }
    for (const [key, inner] of Object.entries(item)) {
      const why = unstorableText(key);
      if (why) return `a key ${why}`;
      stack.push({ value: inner, depth: depth + 1 });
    }
  }
  return undefined;
}
