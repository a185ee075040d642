import { PermanentError } from '@shiplink/errors';
import { cachedTemplate } from './compile';
import { templateData } from './data';
import { modeOf } from './environment';
import { emailLayout, textFooter } from './layout';
import type {
  EmailTemplate,
  NotificationContext,
  RenderedEmail,
  SmsTemplate,
  TemplateKind,
} from './model';

/**
 * A template that cannot render will not render on a retry either: the message is a permanent
 * failure until someone fixes the template (validateTemplate says what is wrong with it).
 */
function run(kind: TemplateKind, source: string, data: NotificationContext): string {
  try {
    return cachedTemplate(source, modeOf(kind))(data);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new PermanentError(`the ${kind} template cannot be rendered: ${message}`, {
      reason: 'notifications.template_invalid',
      cause: error,
    });
  }
}

// Line breaks in a subject would let text become headers (Bcc: …) in a naive mailer; other
// control characters and Unicode line separators have no business there either.
// eslint-disable-next-line no-control-regex -- control characters are what is stripped
const SUBJECT_BREAKS = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

export function oneLine(value: string): string {
  return value.replace(SUBJECT_BREAKS, ' ').replace(/\s+/g, ' ').trim();
}

/** Standalone block tags leave blank runs and trailing spaces behind; readers should not see them. */
function tidyText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The hub builds these links, so one that is not a web URL is a bug upstream; a message without
 * its tracking link (or, for e-mail, its unsubscribe link) must not go out.
 */
function requireLinks(
  data: NotificationContext,
  names: readonly (keyof NotificationContext['links'])[],
) {
  for (const name of names) {
    if (!data.links[name]) {
      throw new PermanentError(`links.${name} is not a web URL`, {
        reason: 'notifications.link_invalid',
      });
    }
  }
}

export function renderEmail(template: EmailTemplate, context: NotificationContext): RenderedEmail {
  const data = templateData(context);
  requireLinks(data, ['trackingPage', 'unsubscribe']);
  const subject = oneLine(run('subject', template.subject, data));
  const content = run('html', template.html, data);
  const text = tidyText(run('text', template.text, data));
  return {
    subject,
    html: emailLayout(content, subject, data),
    text: `${text}\n\n${textFooter(data)}\n`,
  };
}

/** One line of plain text: SMS has no layout, and every character costs. */
export function renderSms(template: SmsTemplate, context: NotificationContext): string {
  const data = templateData(context);
  requireLinks(data, ['trackingPage']);
  return run('sms', template.body, data).replace(/\s+/g, ' ').trim();
}
