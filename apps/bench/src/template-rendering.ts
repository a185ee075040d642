import { NOTIFICATION_TRIGGERS, PAGE_LANGUAGES } from '@shiplink/domain';
import {
  defaultTemplates,
  renderEmail,
  renderSms,
  sampleContext,
} from '@shiplink/notification-templates';

export interface RenderRate {
  renders: number;
  seconds: number;
  perSecond: number;
  meanMicros: number;
  /** Characters a render made, on average (an e-mail's HTML and text, a text's body). */
  meanCharacters: number;
}

export interface RenderingFigures {
  triggers: number;
  languages: number;
  email: RenderRate;
  sms: RenderRate;
}

/**
 * Renders round after round until `durationMs` has passed; the clock is read once a round. What
 * each render made is counted, so none of the work can be optimised away unseen.
 */
function rendersFor(renders: (() => number)[], durationMs: number): RenderRate {
  let count = 0;
  let characters = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  while (performance.now() < deadline) {
    for (const render of renders) characters += render();
    count += renders.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    renders: count,
    seconds,
    perSecond: count / seconds,
    meanMicros: (seconds * 1e6) / count,
    meanCharacters: characters / count,
  };
}

/**
 * The default templates rendered in this process, no I/O: every trigger in every language with
 * its sample data, round and round. A warm-up first compiles each template into the package's
 * cache and lets the JIT settle, as a running worker would have done long before.
 */
export function measureTemplateRendering(
  options: { durationMs: number; warmupMs: number } = { durationMs: 2_000, warmupMs: 500 },
): RenderingFigures {
  const variants = NOTIFICATION_TRIGGERS.flatMap((trigger) =>
    PAGE_LANGUAGES.map((language) => ({
      templates: defaultTemplates(trigger, language),
      context: sampleContext(trigger, language),
    })),
  );
  const email = variants.map(({ templates, context }) => () => {
    const rendered = renderEmail(templates.email, context);
    return rendered.subject.length + rendered.html.length + rendered.text.length;
  });
  const sms = variants.map(
    ({ templates, context }) =>
      () =>
        renderSms(templates.sms, context).length,
  );
  rendersFor(email, options.warmupMs);
  rendersFor(sms, options.warmupMs);
  return {
    triggers: NOTIFICATION_TRIGGERS.length,
    languages: PAGE_LANGUAGES.length,
    email: rendersFor(email, options.durationMs),
    sms: rendersFor(sms, options.durationMs),
  };
}
