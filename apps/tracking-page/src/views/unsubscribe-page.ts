import { html } from './html';
import { messagesFor } from './i18n';
import { renderDocument } from './layout';
import type { PageChrome } from './model';
import { pageUrl } from './urls';

/**
 * The page of a tracking e-mail's unsubscribe link: a confirmation with one button (a link
 * scanner that follows the link must not unsubscribe anyone), then the answer. Mail clients
 * that offer one-click unsubscribe POST to the same address (RFC 8058).
 */
export function renderUnsubscribePage(
  chrome: PageChrome,
  state: { done: boolean; action: string },
): string {
  const t = messagesFor(chrome.locale).unsubscribe;
  const store = chrome.branding.storeName;
  if (state.done) {
    return renderDocument(chrome, {
      heading: t.doneHeading,
      body: html`<p>${t.doneBody.replace('{store}', store)}</p>`,
    });
  }
  return renderDocument(chrome, {
    heading: t.heading,
    body: html`<p>${t.body.replace('{store}', store)}</p>
      <form method="post" action="${pageUrl(state.action) ?? ''}">
        <button type="submit">${t.button}</button>
      </form>`,
  });
}
