/**
 * Markup is built only through the `html` tag: every interpolated value is escaped unless it is
 * a fragment the tag itself produced, so escaping cannot be forgotten at a call site.
 */

class SafeHtml {
  readonly #markup: string;

  constructor(markup: string) {
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

// Only the type leaves the module: outside code cannot wrap arbitrary strings by `new`.
export type { SafeHtml };

export type HtmlValue =
  SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;

/** Safe in text and in quoted attribute values alike. */
export function escapeHtml(value: string): string {
  // Most values (statuses, dates, numbers) need no escaping; skipping replace keeps them cheap.
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (char) => ESCAPES[char] ?? char) : value;
}

function append(out: string[], value: HtmlValue): void {
  if (value === null || value === undefined || value === false) return;
  if (value instanceof SafeHtml) out.push(value.toString());
  else if (typeof value === 'string') out.push(escapeHtml(value));
  else if (Array.isArray(value)) for (const item of value) append(out, item);
  // Numbers, and whatever an untyped caller slips past the types: as text, escaped.
  else out.push(escapeHtml(String(value)));
}

// Prettier formats `html` templates as HTML, indenting them. It only breaks lines where
// whitespace is insignificant, so each newline and its indentation can shrink to one newline.
// A template's strings are one frozen array per call site: trimmed once, then reused.
const INDENTATION = /\n\s*/g;
const trimmed = new WeakMap<TemplateStringsArray, readonly string[]>();

function statics(strings: TemplateStringsArray): readonly string[] {
  let parts = trimmed.get(strings);
  if (!parts) {
    parts = strings.map((part) => part.replace(INDENTATION, '\n'));
    trimmed.set(strings, parts);
  }
  return parts;
}

/** `null`, `undefined` and `false` render nothing, so conditional parts read naturally. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  const parts = statics(strings);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    out.push(parts[i] ?? '');
    if (i < values.length) append(out, values[i]);
  }
  return new SafeHtml(out.join(''));
}

/**
 * For text this package wrote itself and that escaping would break (the stylesheet: `>` and
 * quotes inside `<style>` are not entity-decoded). Never for data.
 */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
