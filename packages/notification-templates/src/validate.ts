import type { PageLanguage } from '@shiplink/domain';
import { checkTemplate, forbiddenMarkup } from './check';
import {
  TemplateSyntaxError,
  compileTemplate,
  parseTemplate,
  type CompiledTemplate,
} from './compile';
import { templateData } from './data';
import { modeOf } from './environment';
import { NOTIFICATION_TRIGGERS, type NotificationTrigger, type TemplateKind } from './model';
import { sampleContext } from './samples';

export type TemplateValidation = { ok: true } | { ok: false; issues: string[] };

/** Bytes of UTF-8 per field: generous for real messages, small enough to render thousands of. */
export const TEMPLATE_SIZE_LIMITS: Readonly<Record<TemplateKind, number>> = {
  subject: 1024,
  html: 20 * 1024,
  text: 20 * 1024,
  sms: 1024,
};

export interface ValidateOptions {
  /** The trigger the template is for; without it the template must suit every trigger's sample. */
  trigger?: NotificationTrigger;
  language?: PageLanguage;
}

const fail = (issues: string[]): TemplateValidation => ({ ok: false, issues });
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Whether `source` may be saved as a `kind` field. In order, each step only when the previous
 * passed: the size cap; parsing (with line and column); the static check of helpers, fields
 * and features (check.ts); compiling as rendering will; and rendering the sample context(s),
 * which must not fail, must not leave a subject or SMS empty, and (HTML) must not produce
 * markup that e-mail may not contain, however it was pieced together.
 */
export function validateTemplate(
  source: string,
  kind: TemplateKind,
  options: ValidateOptions = {},
): TemplateValidation {
  const bytes = Buffer.byteLength(source, 'utf8');
  const limit = TEMPLATE_SIZE_LIMITS[kind];
  if (bytes > limit) return fail([`the ${kind} is ${bytes} bytes; the limit is ${limit}`]);
  const mode = modeOf(kind);
  let issues: string[];
  try {
    issues = checkTemplate(parseTemplate(source, mode), mode);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return fail([error.message]);
    throw error;
  }
  if (issues.length > 0) return fail(issues);
  let template: CompiledTemplate;
  try {
    // Not the render cache: drafts being typed would only crowd out the templates in use.
    template = compileTemplate(source, mode);
  } catch (error) {
    return fail([messageOf(error)]);
  }
  return trialRender(template, kind, options);
}

function trialRender(
  template: CompiledTemplate,
  kind: TemplateKind,
  { trigger, language = 'en' }: ValidateOptions,
): TemplateValidation {
  const triggers = trigger ? [trigger] : NOTIFICATION_TRIGGERS;
  const issues: string[] = [];
  let rendersSomething = false;
  for (const each of triggers) {
    let output: string;
    try {
      output = template(templateData(sampleContext(each, language)));
    } catch (error) {
      issues.push(`rendering the ${each} sample fails: ${messageOf(error)}`);
      continue;
    }
    if (output.trim() !== '') rendersSomething = true;
    const found = kind === 'html' ? forbiddenMarkup(output) : null;
    if (found) issues.push(`the rendered ${each} sample contains ${found}`);
  }
  if ((kind === 'subject' || kind === 'sms') && !rendersSomething && issues.length === 0) {
    issues.push(`the ${kind} renders as nothing`);
  }
  return issues.length > 0 ? fail([...new Set(issues)]) : { ok: true };
}
