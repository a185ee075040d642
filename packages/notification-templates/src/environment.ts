import Handlebars from 'handlebars';
import type { TemplateKind } from './model';
import { HTML_HELPERS, PLAIN_HELPERS } from './helpers';

/** HTML content escapes every `{{ }}`; subjects, text parts and SMS are plain text and do not. */
export type TemplateMode = 'html' | 'plain';

export function modeOf(kind: TemplateKind): TemplateMode {
  return kind === 'html' ? 'html' : 'plain';
}

/** The built-in block helpers templates may use; `log` and `lookup` are taken away (below). */
export const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;

const HELPERS = { html: HTML_HELPERS, plain: PLAIN_HELPERS } as const;

export function helperNames(mode: TemplateMode): readonly string[] {
  return [...BLOCK_HELPERS, ...Object.keys(HELPERS[mode])];
}

/**
 * One isolated Handlebars per mode (`create()`), so nothing registered elsewhere in the process
 * (a library's helper or partial) is reachable from a merchant's template. `log` would write to
 * the worker's console and `lookup` reads properties by computed name, which the path check
 * cannot follow; `inline` is the only decorator and serves partials, which are not offered.
 */
function createEnvironment(mode: TemplateMode): typeof Handlebars {
  const env = Handlebars.create();
  env.unregisterHelper('log');
  env.unregisterHelper('lookup');
  env.unregisterDecorator('inline');
  for (const [name, helper] of Object.entries(HELPERS[mode])) env.registerHelper(name, helper);
  return env;
}

export const ENVIRONMENTS: Readonly<Record<TemplateMode, typeof Handlebars>> = {
  html: createEnvironment('html'),
  plain: createEnvironment('plain'),
};

export function compileOptions(mode: TemplateMode): CompileOptions {
  return {
    // An unknown helper is a compile error rather than a lookup in the data.
    knownHelpersOnly: true,
    knownHelpers: {
      ...Object.fromEntries(Object.keys(HELPERS[mode]).map((name) => [name, true])),
      log: false,
      lookup: false,
    },
    // A missing field renders as nothing: optional data (no estimate, no customer name) is normal.
    strict: false,
    // No walking up the context stack to find a name: a path means exactly what it says.
    compat: false,
    noEscape: mode === 'plain',
    data: true,
  };
}

/**
 * Prototype access stays denied (Handlebars ≥ 4.6 defaults), and saying so explicitly also stops
 * Handlebars from logging each denied access to the console.
 */
export const RUNTIME_OPTIONS: Readonly<Handlebars.RuntimeOptions> = Object.freeze({
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
});
